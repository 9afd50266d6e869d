/// The page's one inline style sheet (hashed into the Content-Security-Policy). The page's
/// own colours follow `html[data-theme]`, as the diagrams do: each diagram is drawn in both
/// themes and the sheet hides the one that does not match, and the flows that are not
/// `.baton-current`.
enum PageStyle {
    static let css = """

        :root{color-scheme:light;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--accent:#0969da;--hl:#d4a72c;--error:#cf222e;--warning:#9a6700;--info:#0969da}
        html[data-theme="dark"]{color-scheme:dark;--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;--accent:#4493f8;--hl:#f2cc60;--error:#f85149;--warning:#d29922;--info:#4493f8}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif}
        header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.75rem 1rem;border-bottom:1px solid var(--line)}
        h1{font-size:1.3rem;margin:0;flex:1 1 auto}
        h2{font-size:1.05rem;margin:0 0 .5rem}
        button,select{font:inherit;color:var(--fg);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.2rem .6rem;cursor:pointer}
        button:focus-visible,select:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
        [role="tab"][aria-selected="true"]{border-color:var(--accent);box-shadow:inset 0 -2px 0 var(--accent)}
        .baton-group{display:flex;align-items:center;gap:.35rem}
        main{display:grid;grid-template-columns:minmax(0,1fr) minmax(20rem,32rem);gap:1rem;padding:1rem}
        @media (max-width:60rem){main{grid-template-columns:minmax(0,1fr)}}
        .baton-zoom{display:flex;gap:.35rem;margin-bottom:.5rem}
        .baton-viewport{position:relative;height:75vh;overflow:hidden;border:1px solid var(--line);border-radius:6px;background:var(--panel);cursor:grab;touch-action:none}
        .baton-viewport.baton-dragging{cursor:grabbing}
        .baton-canvas{position:absolute;left:0;top:0;width:max-content;transform-origin:0 0}
        .baton-view:has(.baton-canvas:empty){display:none}
        .baton-hint{color:var(--muted);font-size:.8rem;align-self:center}
        .baton-canvas svg{display:block}
        .baton-diagram:not(.baton-current){display:none}
        html[data-theme="light"] .baton-diagram[data-theme="dark"],html[data-theme="dark"] .baton-diagram[data-theme="light"]{display:none}
        .baton-highlight{filter:drop-shadow(0 0 3px var(--hl)) drop-shadow(0 0 3px var(--hl))}
        .baton-highlight path,.baton-highlight rect,.baton-highlight ellipse,.baton-highlight circle,.baton-highlight polygon,.baton-highlight polyline,.baton-highlight line{stroke:var(--hl)!important;stroke-width:3px!important}
        .baton-finding-list{list-style:none;margin:0;padding:0}
        .baton-finding button{display:block;width:100%;text-align:left;margin:0 0 .4rem;padding:.45rem .6rem;background:var(--bg)}
        .baton-finding button[aria-pressed="true"]{border-color:var(--hl);box-shadow:0 0 0 2px var(--hl)}
        .baton-number{display:inline-block;min-width:1.6em;padding:0 .3em;border-radius:1em;background:var(--fg);color:var(--bg);text-align:center;font-size:.8rem;font-weight:600}
        .baton-severity{font-weight:600}
        .baton-error{color:var(--error)}.baton-warning{color:var(--warning)}.baton-info{color:var(--info)}
        .baton-location,.baton-help{color:var(--muted);font-size:.85rem}
        .baton-rule{font-size:.85rem}
        .baton-banner{margin:1rem;padding:.75rem 1rem;border:2px solid var(--error);border-radius:6px}
        .baton-banner ul{margin:0;padding-left:1.2rem}
        .baton-table{border-collapse:collapse;width:100%;margin-bottom:1rem;font-size:.8rem}
        .baton-table caption{text-align:left;font-weight:600;padding:.25rem 0}
        .baton-table th,.baton-table td{padding:.2rem .4rem;border-bottom:1px solid var(--line);text-align:left}
        .baton-table .baton-numeric{text-align:right;font-variant-numeric:tabular-nums}
        #baton-metrics{overflow-x:auto}
        #baton-banner:empty{display:none}
        [hidden]{display:none!important}

        """
}
