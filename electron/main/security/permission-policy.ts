/**
 * Casebridge needs no web permission (camera, microphone, geolocation, notifications, HID, serial…).
 * Every request and every check is refused; printing and the clipboard go through the shell, not permissions.
 */
export function isPermissionGranted(_permission: string): false {
  return false;
}
