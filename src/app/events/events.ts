import { EventEmitter } from 'node:events';

/** Domain events modules publish after their transaction commits. */
export interface DomainEvents {
  'registry.changed': { reason: string };
}

type Handler<E extends keyof DomainEvents> = (payload: DomainEvents[E]) => void;

/** A typed, synchronous in-process bus; handlers are named so a failure says which one broke. */
export class EventBus {
  private emitter = new EventEmitter();

  on<E extends keyof DomainEvents>(event: E, name: string, handler: Handler<E>): void {
    this.emitter.on(event, (payload: DomainEvents[E]) => {
      try {
        handler(payload);
      } catch (error) {
        throw new Error(`Event handler "${name}" failed on "${event}"`, { cause: error });
      }
    });
  }

  emit<E extends keyof DomainEvents>(event: E, payload: DomainEvents[E]): void {
    this.emitter.emit(event, payload);
  }
}
