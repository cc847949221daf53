/**
 * A small stand-in for the `debug` package inside the single-script bundle
 * (JsSIP's only use of it is namespaced logging). It keeps SIP tracing
 * switchable (`setSipTrace`, or `enable('JsSIP:*')`) at a fraction of the size.
 */
type Debugger = ((...args: unknown[]) => void) & {
  namespace: string;
  enabled: boolean;
  log: (...args: unknown[]) => void;
};

let patterns: RegExp[] = [];

const toPattern = (p: string) =>
  new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*?')}$`);

function createDebug(namespace: string): Debugger {
  const fn = ((...args: unknown[]) => {
    if (!fn.enabled) return;
    const [first, ...rest] = args;
    fn.log(`${namespace} ${String(first)}`, ...rest);
  }) as Debugger;
  fn.namespace = namespace;
  fn.log = console.debug.bind(console);
  Object.defineProperty(fn, 'enabled', {
    get: () => patterns.some((p) => p.test(namespace)),
    set: () => undefined,
  });
  return fn;
}

createDebug.enable = (namespaces: string): void => {
  patterns = namespaces.split(/[\s,]+/).filter(Boolean).map(toPattern);
};
createDebug.disable = (): string => {
  patterns = [];
  return '';
};
createDebug.enabled = (namespace: string): boolean => patterns.some((p) => p.test(namespace));
createDebug.default = createDebug;

export default createDebug;
