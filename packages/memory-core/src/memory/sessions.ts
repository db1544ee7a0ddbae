import { uuidv7 } from '../domain/ids.js';
import type { RecommendationSession } from '../domain/recommendation.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { notFound, requireId } from './validation.js';

/** Records what was recommended to an episode so that feedback can refer to it. NOT_FOUND for an unknown episode. */
export async function openSession(
  scope: MemoryScope,
  episodeId: string,
  recommended: { query: string; patternIds: string[]; playbookIds: string[]; episodeIds: string[] },
): Promise<string> {
  const id = requireId(episodeId, 'episodeId');
  const exists = await scope.runtime.storage.getEpisodes(scope.namespace, [id]);
  if (exists.length === 0) throw notFound('episode', id);
  const session: RecommendationSession = {
    id: uuidv7(scope.runtime.clock.now()),
    namespace: scope.namespace,
    episodeId: id,
    query: recommended.query,
    patternIds: [...new Set(recommended.patternIds)],
    playbookIds: [...new Set(recommended.playbookIds)],
    episodeIds: [...new Set(recommended.episodeIds)],
    createdAt: nowIso(scope),
  };
  await scope.runtime.storage.insertRecommendationSession(session);
  return session.id;
}
