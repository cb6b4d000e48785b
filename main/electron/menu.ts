import { Menu } from 'electron';
import type { ShellMenu } from './policy';

/** Sets the application menu policy.ts chose; call it once the app is ready. */
export function applyApplicationMenu(menu: ShellMenu): void {
  if (menu === 'electron-default') return;
  Menu.setApplicationMenu(menu === 'none' ? null : Menu.buildFromTemplate(menu.map(({ role }) => ({ role }))));
}
