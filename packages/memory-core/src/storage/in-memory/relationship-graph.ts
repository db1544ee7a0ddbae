import {
  ACYCLIC_RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipType,
} from '../../domain/relationship.js';

function edgeKey(from: string, to: string, type: RelationshipType): string {
  return `${from}\u0000${to}\u0000${type}`;
}

/** The relationships of one namespace, indexed by id, by episode and by (from, to, type). */
export class RelationshipGraph {
  private readonly byId = new Map<string, Relationship>();
  private readonly byEpisode = new Map<string, Set<string>>();
  private readonly byEdge = new Map<string, string>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Relationship | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<Relationship> {
    return this.byId.values();
  }

  /** The id of the relationship with this (from, to, type), if any. */
  edgeId(from: string, to: string, type: RelationshipType): string | undefined {
    return this.byEdge.get(edgeKey(from, to, type));
  }

  /**
   * Whether adding from → to would close a cycle of an acyclic type: true when `to` already reaches `from`
   * through edges of that type. Depth-first over outgoing edges, visiting each episode once. `pending` adds
   * edges not stored yet (an import batch): the targets of `node`'s pending outgoing edges of this type.
   */
  wouldCloseCycle(
    from: string,
    to: string,
    type: RelationshipType,
    pending: (node: string) => readonly string[] = () => [],
  ): boolean {
    if (!ACYCLIC_RELATIONSHIP_TYPES.has(type)) return false;
    const seen = new Set<string>([to]);
    const stack = [to];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === from) return true;
      for (const id of this.byEpisode.get(node) ?? []) {
        const edge = this.byId.get(id)!;
        if (edge.type !== type || edge.fromEpisodeId !== node || seen.has(edge.toEpisodeId)) continue;
        seen.add(edge.toEpisodeId);
        stack.push(edge.toEpisodeId);
      }
      for (const target of pending(node)) {
        if (seen.has(target)) continue;
        seen.add(target);
        stack.push(target);
      }
    }
    return false;
  }

  /** Stores a relationship (replacing one with the same id). */
  put(relationship: Relationship): void {
    this.remove(relationship.id);
    this.byId.set(relationship.id, relationship);
    this.byEdge.set(
      edgeKey(relationship.fromEpisodeId, relationship.toEpisodeId, relationship.type),
      relationship.id,
    );
    this.link(relationship.fromEpisodeId, relationship.id);
    this.link(relationship.toEpisodeId, relationship.id);
  }

  remove(id: string): Relationship | undefined {
    const relationship = this.byId.get(id);
    if (!relationship) return undefined;
    this.byId.delete(id);
    this.byEdge.delete(edgeKey(relationship.fromEpisodeId, relationship.toEpisodeId, relationship.type));
    this.unlink(relationship.fromEpisodeId, id);
    this.unlink(relationship.toEpisodeId, id);
    return relationship;
  }

  /** Relationships with the episode at either end. */
  touching(episodeId: string): Relationship[] {
    return [...(this.byEpisode.get(episodeId) ?? [])].map((id) => this.byId.get(id)!);
  }

  /** Removes every relationship touching the episode; returns how many. */
  removeEpisode(episodeId: string): number {
    const ids = [...(this.byEpisode.get(episodeId) ?? [])];
    for (const id of ids) this.remove(id);
    return ids.length;
  }

  private link(episodeId: string, id: string): void {
    let ids = this.byEpisode.get(episodeId);
    if (!ids) {
      ids = new Set();
      this.byEpisode.set(episodeId, ids);
    }
    ids.add(id);
  }

  private unlink(episodeId: string, id: string): void {
    const ids = this.byEpisode.get(episodeId);
    ids?.delete(id);
    if (ids?.size === 0) this.byEpisode.delete(episodeId);
  }
}
