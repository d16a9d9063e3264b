type Container = unknown[] | Record<string, unknown>;

/**
 * Assembles the value of a JSON text from its tokens in order, the way `JSON.parse` does:
 * objects keep their keys in first-seen order, a repeated key takes the last value in the
 * first one's place, and `__proto__` is an own key rather than the prototype. Open arrays
 * and objects are kept on an explicit stack, so nesting depth is bounded by memory, not
 * by the call stack.
 */
export class JsonValueBuilder {
  private readonly containers: Container[] = [];
  private readonly keys: string[] = [];
  private document: unknown;

  /** How many arrays and objects are open. */
  get depth(): number {
    return this.containers.length;
  }

  /** The whole document, once its outermost value is finished. */
  get value(): unknown {
    return this.document;
  }

  /** Opens an object (`isArray` false) or an array inside the current container. */
  open(isArray: boolean): void {
    this.containers.push(isArray ? [] : {});
    this.keys.push("");
  }

  /** Names the member that the next value finishes in the innermost object. */
  setKey(key: string): void {
    this.keys[this.keys.length - 1] = key;
  }

  /** Finishes the innermost container; true when it went into an array. */
  close(): boolean {
    const container = this.containers.pop() as Container;
    this.keys.pop();
    return this.add(container);
  }

  /** Puts a finished value into the innermost container; true when that is an array. */
  add(value: unknown): boolean {
    const depth = this.containers.length;
    if (depth === 0) {
      this.document = value;
      return false;
    }

    const container = this.containers[depth - 1] as Container;
    if (Array.isArray(container)) {
      container.push(value);
      return true;
    }
    defineMember(container, this.keys[depth - 1] as string, value);
    return false;
  }
}

/** Sets a member as `JSON.parse` does: `__proto__` becomes an own key, not the prototype. */
const defineMember = (object: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
};
