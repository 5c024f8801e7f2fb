import { isPermissionGranted } from '../security/permission-policy';
import {
  isNavigationAllowed,
  isRequestAllowed,
  windowOpenDecision,
  type RequestPolicyOptions,
} from '../security/request-policy';

/**
 * Where a shell plugs in the app's session policies. Electron connects each to its session and web contents events;
 * the e2e harness and the preview connect them to Playwright's route, permission grants and popups. Either way
 * the decisions are the ones below, so a test of the harness tests the app's own policies.
 */
export type SessionPolicyTarget = {
  /** Called for every permission request and check (camera, notifications, geolocation…). */
  decidePermissions(grant: (permission: string) => boolean): void;
  /** Called for every request the page makes, before it leaves: true lets it through. */
  decideRequests(allow: (url: string) => boolean): void;
  /** Called when the page tries to navigate or be redirected away from the loaded page. */
  decideNavigation(allow: (url: string) => boolean): void;
  /** Called when the page tries to open a window. */
  decideWindowOpen(decide: () => { action: 'deny' }): void;
};

export function applySessionPolicies(target: SessionPolicyTarget, options: RequestPolicyOptions): void {
  target.decidePermissions((permission) => isPermissionGranted(permission));
  target.decideRequests((url) => isRequestAllowed(url, options));
  target.decideNavigation((url) => isNavigationAllowed(url));
  target.decideWindowOpen(windowOpenDecision);
}
