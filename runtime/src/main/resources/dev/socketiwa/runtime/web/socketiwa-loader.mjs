// Loads a TeaVM 0.15 WEBASSEMBLY_GC module without eval or new Function, so it runs under the Isolated Web App CSP
// (script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'). TeaVM's stock loader builds its JSO glue
// with new Function; here every import is a plain closure, and @JSBody bodies come from a table generated at build time
// (socketiwa-jsbodies.mjs). Only the imports the module really declares are supplied; an unknown one fails loudly.

const javaObject = Symbol("javaObject");
const functionsKey = Symbol("functions");
const functionOrigin = Symbol("functionOrigin");
const wrapperMarker = Symbol("wrapperMarker");
const javaExceptionKey = Symbol("javaException");

/** Resolves "a.b.c" from globalThis, as TeaVM's JSO global access expects, without evaluating code. */
function globalPath(name) {
  let value = globalThis;
  for (const part of name.split(".")) {
    if (value === undefined || value === null) {
      throw new ReferenceError(name + " is not defined");
    }
    if (!(part in Object(value))) {
      throw new ReferenceError(name + " is not defined");
    }
    value = value[part];
  }
  return value;
}

function setGlobalPath(name, value) {
  const parts = name.split(".");
  let target = globalThis;
  for (let i = 0; i < parts.length - 1; i++) {
    target = target[parts[i]];
  }
  target[parts[parts.length - 1]] = value;
}

/** Keys the @JSBody table: the same text normalisation runs on the build side (JsBodyTable.java). */
export function jsBodyKey(params, body) {
  return params.join(",") + "|" + normalizeJs(body);
}

/**
 * Drops whitespace and semicolons outside string literals, unifies quotes and unwraps an enclosing block, so the body
 * TeaVM re-renders matches the one in the source. Bodies it rewrites beyond that fail loudly (see createFunctionN).
 */
export function normalizeJs(text) {
  let out = "";
  let quote = null;
  let lastWord = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === "\\") {
        out += c + text[++i];
      } else if (c === quote) {
        out += '"';
        quote = null;
      } else if (c === '"') {
        out += '\\"';
      } else {
        out += c;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      out += '"';
      lastWord = false;
      pendingSpace = false;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === ";") {
      pendingSpace = true;
      continue;
    }
    const word = /[A-Za-z0-9_$]/.test(c);
    if (pendingSpace && word && lastWord) {
      out += " ";
    }
    pendingSpace = false;
    out += c;
    lastWord = word;
  }
  // TeaVM wraps multi-statement bodies in a block: "{...}" and "..." are the same body.
  while (out.startsWith("{") && closingBrace(out) === out.length - 1) {
    out = out.substring(1, out.length - 1);
  }
  return out;
}

/** Index of the brace closing the one at 0 in normalised text (string literals use double quotes there). */
function closingBrace(text) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") {
        i++;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
    } else if (c === "{") {
      depth++;
    } else if (c === "}" && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * Compiles and instantiates a TeaVM wasm-gc module.
 * @param source a URL (fetched) or the module's bytes
 * @param options {imports: extra import modules by name, jsBodies: the generated table, stdout(line), stderr(line)}
 * @returns {instance, module, exports, memory} where exports holds TeaVM's JS-exported values (e.g. main) and memory
 *          is the linear memory (imported by the module, so not among its exports)
 */
export async function loadTeaVM(source, options = {}) {
  const compileOptions = { builtins: ["js-string"] };
  const module = typeof source === "string" || source instanceof URL
      ? await WebAssembly.compileStreaming(fetch(source), compileOptions)
      : await WebAssembly.compile(source, compileOptions);
  const context = { exports: null };
  const runtime = runtimeImports(module, context, options);
  const provided = {
    ...runtime,
    ...(options.imports ?? {}),
  };
  const importObject = {};
  const missing = [];
  for (const { module: mod, name, kind } of WebAssembly.Module.imports(module)) {
    const source = provided[mod];
    if (source === undefined || !(name in source)) {
      missing.push(mod + "." + name + " (" + kind + ")");
      continue;
    }
    (importObject[mod] ??= {})[name] = source[name];
  }
  if (missing.length > 0) {
    throw new Error("socketiwa loader: the wasm module needs imports this loader does not provide: " + missing.join(", ")
        + ". The module was built by a TeaVM version or feature this runtime does not support.");
  }
  const instance = await WebAssembly.instantiate(module, importObject);
  context.exports = instance.exports;
  const exports = {};
  for (const [key, value] of Object.entries(instance.exports)) {
    if (value instanceof WebAssembly.Global) {
      Object.defineProperty(exports, key, { get: () => value.value, enumerable: true });
    }
  }
  return { instance, module, exports, memory: runtime.env.memory };
}

function runtimeImports(module, context, options) {
  const requirements = readMemoryRequirements(module);
  const heapOffset = align8(requirements.dataSize ?? 0);
  const maxSize = 0x7fffffff;
  const memory = new WebAssembly.Memory({
    initial: Math.max(requirements.min ?? 0, 1),
    maximum: ((maxSize - 1) >> 16) + 1,
    shared: requirements.shared ?? false,
  });
  const stdout = lineSink(options.stdout ?? ((line) => console.log(line)));
  const stderr = lineSink(options.stderr ?? ((line) => console.error(line)));
  return {
    env: { memory },
    teavmMemory: {
      linearMemory: () => memory.buffer,
      notifyHeapResized: () => {},
      heapOffset: new WebAssembly.Global({ value: "i32", mutable: false }, heapOffset),
      maxSize: new WebAssembly.Global({ value: "i32", mutable: false }, maxSize),
    },
    teavmConsole: { putcharStdout: stdout, putcharStderr: stderr },
    teavmDate: dateImports(),
    teavmMath: Math,
    teavmAsync: {
      offer: (instance, fn, time) => setTimeout(() => fn(instance), Math.max(0, time - Date.now())),
      kill: (id) => clearTimeout(id),
    },
    teavm: coreImports(context),
    teavmJso: jsoImports(context, options.jsBodies ?? {}),
    "wasm:js-string": stringImports(),
  };
}

function align8(n) {
  return (n + 7) & ~7;
}

function readMemoryRequirements(module) {
  const sections = WebAssembly.Module.customSections(module, "teavm.memoryRequirements");
  return sections.length === 1 ? JSON.parse(new TextDecoder().decode(sections[0])) : {};
}

function lineSink(emit) {
  let line = "";
  return (c) => {
    if (c === 10) {
      emit(line);
      line = "";
    } else {
      line += String.fromCharCode(c);
    }
  };
}

function dateImports() {
  const on = (t, f) => { const d = new Date(t); f(d); return d.getTime(); };
  return {
    currentTimeMillis: () => Date.now(),
    dateToString: (t) => new Date(t).toString(),
    getYear: (t) => new Date(t).getFullYear(),
    setYear: (t, v) => on(t, (d) => d.setFullYear(v)),
    getMonth: (t) => new Date(t).getMonth(),
    setMonth: (t, v) => on(t, (d) => d.setMonth(v)),
    getDate: (t) => new Date(t).getDate(),
    setDate: (t, v) => on(t, (d) => d.setDate(v)),
    create: (y, mo, d, h, mi, s) => new Date(y, mo, d, h, mi, s).getTime(),
    createFromUTC: (y, mo, d, h, mi, s) => Date.UTC(y, mo, d, h, mi, s),
  };
}

// Used only where the engine lacks the js-string builtins (the module is compiled with them when available).
function stringImports() {
  return {
    fromCharCode: (c) => String.fromCharCode(c),
    fromCharCodeArray: () => { throw new Error("js-string fromCharCodeArray is not supported"); },
    intoCharCodeArray: () => { throw new Error("js-string intoCharCodeArray is not supported"); },
    concat: (a, b) => a + b,
    charCodeAt: (s, i) => s.charCodeAt(i),
    length: (s) => s.length,
    substring: (s, a, b) => s.substring(a, b),
  };
}

/** A JS Error carrying a Java exception; its message comes from Java on demand. */
class JavaError extends Error {
  constructor(context, javaException) {
    super();
    this.context = context;
    this[javaExceptionKey] = javaException;
    context.exports["teavm.setJsException"](javaException, this);
  }

  get message() {
    const messageOf = this.context.exports["teavm.exceptionMessage"];
    const toJs = this.context.exports["teavm.stringToJs"];
    if (typeof messageOf === "function" && typeof toJs === "function") {
      const message = messageOf(this[javaExceptionKey]);
      if (message !== null && message !== undefined) {
        return toJs(message);
      }
    }
    return "(Java exception without message)";
  }
}

function coreImports(context) {
  const collected = new FinalizationRegistry((held) => {
    const report = context.exports?.["teavm.reportGarbageCollectedValue"];
    if (typeof report === "function") {
      report(held.queue, held.ref);
    }
  });
  const collectedStrings = new FinalizationRegistry((held) => {
    const report = context.exports?.["teavm.reportGarbageCollectedString"];
    if (typeof report === "function") {
      report(held);
    }
  });
  const frame = /.+:wasm-function\[[0-9]+]:0x([0-9a-f]+).*/;
  return {
    createWeakRef(value, ref, queue) {
      if (queue !== null) {
        collected.register(value, { ref, queue });
      }
      return new WeakRef(value);
    },
    deref(weak) {
      const value = weak.deref();
      return value === undefined ? null : value;
    },
    createStringWeakRef(value, held) {
      collectedStrings.register(value, held);
      return new WeakRef(value);
    },
    stringDeref: (weak) => weak.deref(),
    takeStackTrace() {
      // Without TeaVM's deobfuscator, frames are wasm code offsets, reported as line numbers of a placeholder.
      const offsets = [];
      for (const line of (new Error().stack ?? "").split("\n")) {
        const match = frame.exec(line);
        if (match !== null) {
          offsets.push(parseInt(match[1], 16));
        }
      }
      return {
        getStack: () => offsets.map((offset) => ({
          className: "wasm", method: "function", file: "app.wasm", line: offset,
        })),
      };
    },
    decorateException(javaException) {
      new JavaError(context, javaException);
    },
  };
}

function jsoImports(context, jsBodies) {
  const exported = (name) => context.exports[name];
  const jsWrappers = new WeakMap();
  const javaWrappers = new WeakMap();
  const primitiveWrappers = new Map();
  const primitiveCollected = new FinalizationRegistry((key) => primitiveWrappers.delete(key));
  const hashCodes = new WeakMap();
  let lastHash = 2463534242;
  const nextHash = () => {
    let x = lastHash;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    lastHash = x;
    return x;
  };
  const identity = (v) => v;

  function asJavaException(e) {
    return javaExceptionKey in Object(e) ? e[javaExceptionKey] : exported("teavm.js.wrapException")(e);
  }

  function rethrowJsAsJava(e) {
    exported("teavm.js.throwException")(asJavaException(e));
    throw e;
  }

  function javaToJsError(e) {
    if (e instanceof WebAssembly.Exception) {
      const tag = exported("teavm.javaException");
      if (e.is(tag)) {
        const javaException = e.getArg(tag, 0);
        const original = exported("teavm.js.extractException")(javaException);
        if (original !== null && original !== undefined) {
          return original;
        }
        return exported("teavm.getJsException")(javaException) ?? new JavaError(context, javaException);
      }
    }
    return e;
  }

  function rethrowJavaAsJs(e) {
    throw javaToJsError(e);
  }

  function guardJs(call) {
    try {
      return call();
    } catch (e) {
      rethrowJsAsJava(e);
    }
  }

  function guardJava(call) {
    try {
      return call();
    } catch (e) {
      rethrowJavaAsJs(e);
    }
  }

  function withArity(f, arity) {
    Object.defineProperty(f, "length", { value: arity });
    return f;
  }

  function named(f, name) {
    Object.defineProperty(f, "name", { value: name });
    return f;
  }

  /** A JS function calling the wasm function fn with exactly its declared parameters (the last one as an array if vararg). */
  function defineFunction(fn, vararg) {
    const n = fn.length;
    return withArity(function (...args) {
      const fixed = args.slice(0, vararg ? n - 1 : n);
      while (fixed.length < (vararg ? n - 1 : n)) {
        fixed.push(undefined);
      }
      if (vararg) {
        fixed.push(args.slice(n - 1));
      }
      return guardJava(() => fn(...fixed));
    }, vararg ? Math.max(0, n - 1) : n);
  }

  function sanitizeName(name) {
    const cleaned = name.replace(/[^A-Za-z0-9_$]/g, "_");
    return /^[0-9]/.test(cleaned) ? "_" + cleaned.substring(1) : cleaned;
  }

  function getProperty(obj, prop) {
    return guardJs(() => (obj !== null ? obj[prop] : globalPath(prop)));
  }

  function setProperty(obj, prop, value) {
    if (obj === null) {
      setGlobalPath(prop, value);
    } else {
      obj[prop] = value;
    }
  }

  const imports = {
    stringBuiltinsSupported: () => true,
    isUndefined: (o) => typeof o === "undefined",
    emptyArray: () => [],
    appendToArray: (array, e) => array.push(e),
    unwrapBoolean: (v) => (v ? 1 : 0),
    wrapBoolean: (v) => !!v,
    getProperty,
    setProperty,
    setPropertyPure: setProperty,
    global: (name) => guardJs(() => globalPath(name)),
    createClass(name, parent, constructor) {
      let init;
      const cls = named(function (marker, javaObj) {
        if (marker === wrapperMarker) {
          init.call(this, javaObj);
          return undefined;
        }
        if (constructor === null) {
          throw new Error("This class can't be instantiated directly");
        }
        return guardJava(() => constructor.apply(null, arguments));
      }, sanitizeName(name ?? "JavaObject"));
      init = parent === null
          ? function (javaObj) { this[javaObject] = javaObj; this[functionsKey] = null; }
          : function (javaObj) { parent.call(this, javaObj); };
      cls.prototype = Object.create(parent ? parent.prototype : Object.prototype);
      cls.prototype.constructor = cls;
      const wrap = named(function (javaObj) {
        return cls.call(this, wrapperMarker, javaObj);
      }, cls.name);
      wrap[wrapperMarker] = cls;
      wrap.prototype = cls.prototype;
      return wrap;
    },
    exportClass: (cls) => cls[wrapperMarker],
    defineMethod(cls, name, fn, vararg) {
      const n = fn.length - 1;
      cls.prototype[name] = withArity(function (...args) {
        const fixed = args.slice(0, vararg ? n - 1 : n);
        while (fixed.length < (vararg ? n - 1 : n)) {
          fixed.push(undefined);
        }
        if (vararg) {
          fixed.push(args.slice(n - 1));
        }
        return guardJava(() => fn(this, ...fixed));
      }, vararg ? Math.max(0, n - 1) : n);
    },
    defineStaticMethod(cls, name, fn, vararg) {
      cls[name] = defineFunction(fn, vararg);
    },
    defineFunction,
    defineProperty(cls, name, getFn, setFn) {
      const descriptor = { get() { return guardJava(() => getFn(this)); } };
      if (setFn !== null) {
        descriptor.set = function (v) { guardJava(() => setFn(this, v)); };
      }
      Object.defineProperty(cls.prototype, name, descriptor);
    },
    defineStaticProperty(cls, name, getFn, setFn) {
      const descriptor = { get: () => guardJava(() => getFn()) };
      if (setFn !== null) {
        descriptor.set = (v) => guardJava(() => setFn(v));
      }
      Object.defineProperty(cls, name, descriptor);
    },
    javaObjectToJS(instance, cls) {
      if (instance === null) {
        return null;
      }
      const existing = jsWrappers.get(instance)?.deref();
      if (existing !== undefined) {
        return existing;
      }
      const obj = new cls(instance);
      jsWrappers.set(instance, new WeakRef(obj));
      return obj;
    },
    unwrapJavaObject: (instance) => instance[javaObject],
    asFunction(instance, property) {
      if (instance === null || instance === undefined) {
        return null;
      }
      let functions = instance[functionsKey];
      if (functions === null) {
        functions = Object.create(null);
        instance[functionsKey] = functions;
      }
      let result = functions[property];
      if (typeof result !== "function") {
        result = function () {
          return instance[property].apply(instance, arguments);
        };
        result[functionOrigin] = instance;
        functions[property] = result;
      }
      return result;
    },
    functionAsObject(fn, property) {
      if (fn === null || fn === undefined) {
        return null;
      }
      const origin = fn[functionOrigin];
      if (origin !== undefined && origin[functionsKey]?.[property] === fn) {
        return origin;
      }
      return { [property]: (...args) => guardJava(() => fn(...args)) };
    },
    wrapObject(obj) {
      if (obj === null) {
        return null;
      }
      if (typeof obj === "object" || typeof obj === "function" || typeof obj === "symbol") {
        let result = obj[javaObject];
        if (typeof result === "object") {
          return result;
        }
        result = javaWrappers.get(obj)?.deref();
        if (result !== undefined) {
          return result;
        }
        result = exported("teavm.jso.createWrapper")(obj);
        javaWrappers.set(obj, new WeakRef(result));
        return result;
      }
      let result = primitiveWrappers.get(obj)?.deref();
      if (result !== undefined) {
        return result;
      }
      result = exported("teavm.jso.createWrapper")(obj);
      primitiveWrappers.set(obj, new WeakRef(result));
      primitiveCollected.register(result, obj);
      return result;
    },
    isPrimitive: (value, type) => typeof value === type || value === null,
    instanceOf: (value, type) => value instanceof type,
    instanceOfOrNull: (value, type) => value === null || value instanceof type,
    sameRef: (a, b) => a === b,
    hashCode(obj) {
      if (typeof obj === "object" || typeof obj === "function" || typeof obj === "symbol") {
        let code = hashCodes.get(obj);
        if (typeof code !== "number") {
          code = nextHash();
          hashCodes.set(obj, code);
        }
        return code;
      }
      if (typeof obj === "number") {
        return obj | 0;
      }
      if (typeof obj === "bigint") {
        return Number(BigInt.asIntN(32, obj));
      }
      if (typeof obj === "boolean") {
        return obj ? 1 : 0;
      }
      return 0;
    },
    apply: (instance, method, args) => guardJs(() => (instance === null ? globalPath(method)(...args) : instance[method](...args))),
    concatArray: (a, b) => [...a, ...b],
    getJavaException: (e) => e[javaExceptionKey],
    getJSException: (e) => exported("teavm.getJsException")(e),
    jsExports: () => ({}),
  };
  for (const name of ["wrapByte", "wrapShort", "wrapChar", "wrapInt", "wrapLong", "wrapFloat", "wrapDouble",
    "unwrapByte", "unwrapShort", "unwrapChar", "unwrapInt", "unwrapLong", "unwrapFloat", "unwrapDouble"]) {
    imports[name] = identity;
  }
  const callFromJavaToJs = (call) => guardJs(call);
  for (let n = 0; n < 32; n++) {
    // createFunctionN(param names..., body): the body was known at build time; look it up instead of evaluating it.
    imports["createFunction" + n] = (...namesAndBody) => {
      const body = namesAndBody[n];
      const params = namesAndBody.slice(0, n);
      const key = jsBodyKey(params, body);
      const impl = jsBodies[key];
      if (typeof impl !== "function") {
        throw new Error("socketiwa loader: no build-time function for the @JSBody (" + params.join(", ") + ") { "
            + body + " }. The CSP of an Isolated Web App forbids evaluating it at run time; rebuild with "
            + "socketiwa:compile so socketiwa-jsbodies.mjs includes it.");
      }
      return impl.bind(null, callFromJavaToJs);
    };
    imports["bindFunction" + n] = (f, ...bound) => f.bind(null, ...bound);
    imports["callFunction" + n] = (fn, ...args) => guardJs(() => fn(...args.slice(0, n)));
    imports["callMethod" + n] = (instance, method, ...args) =>
      guardJs(() => (instance !== null ? instance[method](...args.slice(0, n)) : globalPath(method)(...args.slice(0, n))));
    imports["construct" + n] = (constructor, ...args) => guardJs(() => new constructor(...args.slice(0, n)));
    imports["arrayOf" + n] = (...items) => items.slice(0, n);
  }
  return imports;
}
