/**
 * The only import site of @lit-labs/signals (a labs package: keep the blast radius small).
 * Elements import `SignalWatcher` and `watch` from here; only `state/` creates signals.
 */
export { SignalWatcher, watch, signal, computed, Signal } from '@lit-labs/signals';
