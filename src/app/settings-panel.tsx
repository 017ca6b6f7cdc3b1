// The Settings dialog with this site's storage as the browser reports it.
// Loaded with the dialog, on first use: none of it is in the entry script.
import { SettingsDialog, type SettingsDialogProps } from '../components/settings-dialog.tsx';
import { useStoredSpace } from '../hooks/use-stored-space.ts';

export function SettingsPanel(props: Omit<SettingsDialogProps, 'storage' | 'onKeepStorage'>) {
  const { space, asking, declined, keep } = useStoredSpace(props.open);
  return <SettingsDialog {...props} storage={space && { ...space, asking, declined }} onKeepStorage={keep} />;
}
