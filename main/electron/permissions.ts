import type { MediaAccessPermissionRequest, Session } from 'electron';
import { mayGrantPermission, mayPassPermissionCheck } from './policy';

/**
 * Wires the permission policy (policy.ts) into a session: the camera and microphone for the
 * app's own pages, nothing else for anyone.
 */
export function applyPermissionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = permission === 'media' ? (details as MediaAccessPermissionRequest) : undefined;
    callback(
      mayGrantPermission({
        permission,
        requestingUrl: details.requestingUrl,
        securityOrigin: media?.securityOrigin,
        mediaTypes: media?.mediaTypes,
      }),
    );
  });

  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayPassPermissionCheck({
      permission,
      requestingOrigin,
      securityOrigin: details.securityOrigin,
      mediaType: details.mediaType,
      embeddingOrigin: details.embeddingOrigin,
    }),
  );

  // USB, HID and serial devices are never needed.
  ses.setDevicePermissionHandler(() => false);

  // Screen and window capture: answered with no stream, which refuses the request.
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}
