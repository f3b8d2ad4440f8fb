/** The language on screen, as a rune: switching it re-renders every string that reads `t`. */
import { MESSAGES, type Locale, type Messages } from './messages.ts';

export class LocaleState {
  locale = $state<Locale>('zh');
  readonly t: Messages = $derived(MESSAGES[this.locale]);
}
