import type { FunctionHandler } from './context.ts';
import { FunctionFailure } from './errors.ts';
import { XmlWriter } from './xml-writer.ts';
import { childText } from './xml-node.ts';

/**
 * getAPISession: a new session for the current level, or for the entity named in `locationid`
 * (an empty `locationid` means the top level). Answers sessionid, endpoint and locationid.
 */
export const getAPISession: FunctionHandler = (fn, ctx) => {
  const requested = childText(fn.node, 'locationid');
  let entityId: string | null = ctx.entityId;
  if (requested !== undefined) {
    const wanted = requested.trim();
    if (wanted === '') entityId = null;
    else {
      const entity = ctx.store.entity(wanted);
      if (!entity || entity.id === '') {
        throw new FunctionFailure([
          {
            errorno: 'XL03000006',
            description: '',
            description2: `Invalid location '${wanted}': no such entity in company '${ctx.companyId}'.`,
            correction: 'Use the id of an entity (LOCATIONENTITY) or an empty locationid for the top level.',
          },
        ]);
      }
      entityId = entity.id;
    }
  }
  const session = ctx.openSession(entityId);
  const body = new XmlWriter()
    .open('data')
    .open('api')
    .leaf('sessionid', session.sessionId)
    .leaf('endpoint', ctx.settings.endpointUrl)
    .leaf('locationid', session.locationId)
    .close('api')
    .close('data')
    .toString();
  return { body };
};
