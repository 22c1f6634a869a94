/** What every sandbox route module is handed: the live state, the tokens and the fault responder. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxTokens } from './config';
import type { FaultResponder } from './fault-responder';
import type { PhrStandIn } from './phr-stand-in';
import { HttpError, hasBearer } from './http-util';
import type { SandboxState } from './sandbox-state';

export interface RouteContext {
  state: SandboxState;
  tokens: SandboxTokens;
  responder: FaultResponder;
  /** The MOPH-PHR (Mor Prom) stand-in under /moph-phr. */
  phr?: PhrStandIn;
}

/** One request, with its path normalised (no trailing slash) and the base URL it was addressed to. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  path: string;
  method: string;
  base: string;
}

/** Throws 401 unless the request carries this service's bearer token. */
export function requireToken(req: IncomingMessage, token: string, isFhir: boolean): void {
  if (hasBearer(req, token)) return;
  throw new HttpError(401, isFhir ? 'missing or invalid bearer token' : 'unauthorized', 'login');
}
