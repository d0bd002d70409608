/**
 * A stand-in for the `vscode` module that records every resource the extension acquires: event
 * subscriptions (`on…`, an emitter's `event`), registrations (`register…`), created objects
 * (`create…`) and event emitters. Each is disposable; a test checks that deactivation disposed
 * them all. Registering a command id that is still registered throws, as VS Code does.
 * Everything else is a permissive stand-in: any property, called or constructed, gives another.
 */

export interface TrackedResource {
  /** The API call that made it, such as `languages.registerHoverProvider`. */
  readonly origin: string;
  disposed: boolean;
}

export class ResourceTracker {
  readonly resources: TrackedResource[] = [];
  readonly liveCommands = new Set<string>();

  /** The resources not disposed, by origin. */
  leaked(): string[] {
    return this.resources.filter((resource) => !resource.disposed).map((resource) => resource.origin);
  }

  track(origin: string, onDispose?: () => void): TrackedResource & { dispose(): void } {
    const resource = {
      origin,
      disposed: false,
      dispose: () => {
        if (resource.disposed) return;
        resource.disposed = true;
        onDispose?.();
      },
    };
    this.resources.push(resource);
    return resource;
  }
}

const ACQUIRES = /^(on[A-Z]\w*|event|register\w*|create\w*)$/;

export function trackingVscode(tracker: ResourceTracker): unknown {
  /** A stand-in reached through `path`, such as `window.createTreeView`. */
  const stand = (path: string): unknown => {
    const target = function () {
      /* a stand-in */
    };
    return new Proxy(target, {
      get(_target, property) {
        if (property === 'then') return undefined; // not a promise
        if (property === Symbol.iterator)
          return function* () {
            /* empty */
          };
        if (property === Symbol.toPrimitive) return () => '';
        if (property === 'length') return 0;
        if (property === 'dispose') return () => undefined;
        return stand(`${path}.${String(property)}`);
      },
      apply: (_target, _this, args: unknown[]) => call(path, args),
      construct: () => stand(`new ${path}`) as object,
    });
  };

  const call = (path: string, args: unknown[]): unknown => {
    const name = path.slice(path.lastIndexOf('.') + 1);
    if (!ACQUIRES.test(name)) return stand(`${path}()`);
    if (name === 'registerCommand' || name === 'registerTextEditorCommand') {
      const id = String(args[0]);
      if (tracker.liveCommands.has(id)) throw new Error(`command '${id}' already exists`);
      tracker.liveCommands.add(id);
      return withStand(
        tracker.track(`${path}(${id})`, () => tracker.liveCommands.delete(id)),
        path,
      );
    }
    return withStand(tracker.track(path), path);
  };

  /** A tracked resource that also answers like a stand-in (a tree view has events, a watcher has `on…`). */
  const withStand = (resource: TrackedResource & { dispose(): void }, path: string): unknown => {
    const behind = stand(path) as Record<string | symbol, unknown>;
    return new Proxy(resource, {
      get: (target, property) => (property in target ? target[property as keyof typeof target] : behind[property]),
    });
  };

  class EventEmitter {
    private readonly resource = tracker.track('new EventEmitter');
    readonly event = (): unknown => withStand(tracker.track('EventEmitter.event'), 'EventEmitter.event');
    fire(): void {
      /* nobody listens in this test */
    }
    dispose(): void {
      this.resource.dispose();
    }
  }

  class Disposable {
    private disposed = false;
    constructor(private readonly onDispose: () => void) {}
    static from(...disposables: { dispose(): unknown }[]): Disposable {
      return new Disposable(() => disposables.forEach((disposable) => disposable.dispose()));
    }
    dispose(): void {
      if (this.disposed) return;
      this.disposed = true;
      this.onDispose();
    }
  }

  const module = Object.create(stand('vscode') as object) as Record<string, unknown>;
  module.EventEmitter = EventEmitter;
  module.Disposable = Disposable;
  return module;
}
