import type { EpisodeFacets } from './episode-facets.js';

/**
 * The slice of a namespace's episodes that share the facets every candidate search filters on: domain,
 * completed and archived. Retrieval asks for completed, unarchived episodes of one domain, so the search
 * indexes keep one partition per slice and scan only the partitions a filter admits, instead of scoring every
 * episode and rejecting most of them afterwards.
 */
export class EpisodePartition {
  readonly key: string;

  constructor(
    readonly domain: string,
    readonly completed: boolean,
    readonly archived: boolean,
  ) {
    this.key = `${completed ? 'c' : 'o'}${archived ? 'a' : 'l'}\u0000${domain}`;
  }

  static of(facets: EpisodeFacets): EpisodePartition {
    return new EpisodePartition(facets.domain, facets.completed, facets.archived);
  }
}
