/**
 * TokenManager: every operation the UI can ask for (one handler per contract channel, grouped
 * by what changes together) and the events it emits. Secrets are decrypted in the handlers,
 * used there, and never returned or emitted.
 */
import type { EventName, EventPayloads, UiCommand } from '../contract';
import type { Vault } from '../vault/vault';
import { clipboardChannels } from './clipboard-channels';
import type { Handlers } from './handlers';
import { profileChannels } from './profile-channels';
import { errorName, ServiceCore, type TokenManagerOptions } from './service-core';
import { sessionChannels } from './session-channels';
import { settingsChannels } from './settings-channels';
import { tokenChannels } from './token-channels';

export type { TokenManagerOptions } from './service-core';

export class TokenManager {
  readonly handlers: Handlers;
  private readonly core: ServiceCore;

  constructor(options: TokenManagerOptions) {
    this.core = new ServiceCore(options, (core) => ({
      'rateLimits:changed': () => this.handlers['rateLimits:snapshot'](undefined),
      'session:changed': () => this.handlers['session:state'](undefined),
      'profiles:changed': () => core.profilesView(),
      'settings:changed': () => this.handlers['settings:get'](undefined),
      'clipboard:changed': () => Promise.resolve({ holding: core.guard.holding }),
    }));
    const clipboard = clipboardChannels(this.core);
    this.handlers = {
      ...profileChannels(this.core),
      ...sessionChannels(this.core),
      ...tokenChannels(this.core, clipboard['clipboard:copyToken']),
      ...clipboard,
      ...settingsChannels(this.core),
    };
  }

  get vault(): Vault {
    return this.core.vault;
  }

  /**
   * Start-up: removes profiles left waiting for a second factor when the app last quit, and
   * opens on the default profile from the settings, when there is one.
   */
  async start(): Promise<void> {
    const { vault } = this.core;
    try {
      const { defaultProfileId } = await vault.readSettings();
      const record = await vault.readProfiles();
      const profiles = record.profiles.filter((p) => !p.provisional);
      const known = (id: string | undefined) => profiles.some((p) => p.id === id);
      let selected = known(defaultProfileId) ? defaultProfileId : record.selectedProfileId;
      if (!known(selected)) selected = profiles[0]?.id;
      if (profiles.length === record.profiles.length && selected === record.selectedProfileId)
        return;
      await vault.updateProfiles((current) => ({
        ...current,
        profiles: current.profiles.filter((p) => !p.provisional),
        selectedProfileId: selected,
      }));
    } catch (error) {
      // Unreadable settings or profiles are reported by their own channels; start-up goes on.
      this.core.log(`start-up could not tidy the profiles (${errorName(error)})`);
    }
  }

  /** Subscribes; state events deliver the current snapshot first, so nothing is missed. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return this.core.events.on(event, listener);
  }

  /** A menu, tray or shortcut command from the host, passed on to the renderer. */
  command(command: UiCommand): void {
    this.core.emit('ui:command', { command });
  }

  /**
   * Before quitting: clears the clipboard if it still holds our value, then waits until each
   * profile's last rate-limit sample is written, so the next start knows what was spent.
   */
  async dispose(): Promise<void> {
    await this.core.guard.flush();
    await this.core.registry.flush();
  }
}
