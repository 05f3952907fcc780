import { z } from 'zod';

/** Bumped whenever the on-disk layout, chunking or glossary extraction changes, forcing a rebuild (13: credential table rows; 14: contrast words such as "though" and "vs" are stop words; 15: stance adverbs such as "even" too; 16: acronym-first definitions, "CP (Certified Paralegal)"; 17: list items keep their nesting depth; 18: sibling headings stay siblings when a level is skipped). */
export const INDEX_SCHEMA_VERSION = 18;

export const manifestSchema = z.object({
  schemaVersion: z.number().int(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  files: z.record(z.string(), z.string()),
  builtAt: z.string(),
  counts: z.object({
    files: z.number().int(),
    sections: z.number().int(),
    chunks: z.number().int(),
    glossary: z.number().int(),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Why an index cannot be used as it is, or undefined when it matches. */
export function staleReason(manifest: Manifest, embedderId: string, files: Record<string, string>): string | undefined {
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION) {
    return `it was built by an older version (index schema ${manifest.schemaVersion}, need ${INDEX_SCHEMA_VERSION})`;
  }
  if (manifest.embedder.id !== embedderId) {
    return `it was built with embedder ${manifest.embedder.id}, but ${embedderId} is configured`;
  }
  const changed = [
    ...Object.keys(files).filter((f) => manifest.files[f] !== files[f]),
    ...Object.keys(manifest.files).filter((f) => !(f in files)),
  ];
  if (changed.length > 0) return `knowledge files changed since it was built: ${[...new Set(changed)].sort().join(', ')}`;
  return undefined;
}
