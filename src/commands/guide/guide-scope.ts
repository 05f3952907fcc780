import type { Platform } from '../types.js';

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
