/**
 * Opens an empty tab for a signed-in "continue on the forum" link, inside the click, so popup
 * blockers allow it; `followSignedIn` points it at the link once the worker has made it.
 * Prevents the plain link's own navigation.
 */
export function openTab(event?: Event): Window | null {
  event?.preventDefault();
  const tab = window.open("", "_blank");
  if (tab) tab.opener = null;
  return tab;
}
