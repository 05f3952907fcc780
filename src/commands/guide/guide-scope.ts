import type { Platform } from '../types.js';
import type { KnowledgeIndex } from '../../index/index.js';

/** Where a request was made: a Discord server (guild) or Slack workspace (team), and a channel. */
export interface RequestPlace {
  workspace?: string;
  channel?: string;
}

/**
 * The guide files a place may use, from GUIDES_BY_PLACE: the channel's entry, else its
 * server's/workspace's, else undefined (every loaded guide). A configured name matches a loaded
 * guide by its file name, with or without the extension ("pharmacy-technician-guide" or "….md").
 */
export function guidesForPlace(
  byPlace: Readonly<Record<string, readonly string[]>>,
  platform: Platform,
  place: RequestPlace | undefined,
  loadedSources: readonly string[],
): string[] | undefined {
  if (!place?.workspace) return undefined;
  const names = byPlace[`${platform}:${place.workspace}/${place.channel ?? ''}`] ?? byPlace[`${platform}:${place.workspace}`];
  if (!names) return undefined;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return loadedSources.filter((source) => wanted.has(source.toLowerCase()) || wanted.has(source.toLowerCase().replace(/\.[^./]+$/, '')));
}

/** "--guide NAME" (or "--guide=NAME") anywhere in a command's arguments: the name, and the arguments without it. */
export function takeGuideOption(args: string): { guide?: string; rest: string } {
  const match = /(?:^|\s)--guide(?:=|\s+)("[^"]+"|\S+)/.exec(args);
  if (!match) return { rest: args };
  return { guide: match[1]!.replace(/^"|"$/g, ''), rest: `${args.slice(0, match.index)} ${args.slice(match.index + match[0].length)}`.trim() };
}

/** Loaded guides a name picks: by file name (with or without extension), or by words of the title. */
export function guidesNamed(name: string, documents: ReadonlyArray<{ source: string; title: string }>): string[] {
  const wanted = name.toLowerCase().trim();
  const byFile = documents.filter((d) => [d.source.toLowerCase(), d.source.toLowerCase().replace(/\.[^./]+$/, '')].includes(wanted));
  if (byFile.length > 0) return byFile.map((d) => d.source);
  const words = wanted.split(/[\s-]+/).filter(Boolean);
  return documents.filter((d) => words.every((w) => `${d.source} ${d.title}`.toLowerCase().includes(w))).map((d) => d.source);
}

type ScopableIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;
// One view per index and guide selection, so per-index caches (certifications, guide facts) stay warm.
const indexViews = new WeakMap<object, Map<string, ScopableIndex>>();

/** The index as seen with only some guides loaded: their documents and glossary, nothing else changed. */
export function indexForGuides<T extends ScopableIndex>(index: T, guides: readonly string[]): T {
  if (guides.length === index.documents.length && index.documents.every((d) => guides.includes(d.source))) return index;
  const views = indexViews.get(index) ?? new Map<string, ScopableIndex>();
  indexViews.set(index, views);
  const key = [...guides].sort().join('\u0000');
  let view = views.get(key);
  if (!view) {
    const allowed = new Set(guides);
    view = { ...index, documents: index.documents.filter((d) => allowed.has(d.source)), glossary: index.glossary.filter((g) => allowed.has(g.source)) };
    views.set(key, view);
  }
  return view as T;
}
