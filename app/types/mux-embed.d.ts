// mux-embed 5.19 ships its types but its package "exports" has no "types" condition, so TypeScript
// with bundler resolution cannot find them. The part Sinergi uses:
declare module "mux-embed" {
  interface MuxMonitorOptions {
    debug?: boolean;
    data: Record<string, string | number | undefined>;
  }
  const mux: { monitor(player: HTMLVideoElement | string, options: MuxMonitorOptions): void };
  export default mux;
}
