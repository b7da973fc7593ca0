/**
 * Hostile agent output (XSS payloads), shared by the browser tests of okc-markdown and the end-to-end
 * hostile-content test: each payload tries to run `pwn` (a JS statement that sets a canary), frame
 * something, or restyle the page. Pure data, so both Chromium tests and node tests can import it.
 */

export interface XssCase {
  readonly name: string;
  readonly markdown: string;
}

/** The corpus with `pwn` as the code every payload tries to run. */
export function xssCorpus(pwn: string): [XssCase, ...XssCase[]] {
  const PWN = pwn;
  return [
    { name: 'script tag', markdown: `<script>${PWN}</script>` },
    { name: 'script tag inside markdown text', markdown: `Hello <script>${PWN}</script> world` },
    { name: 'img onerror', markdown: `<img src=x onerror="${PWN}">` },
    { name: 'mixed-case img onerror', markdown: `<IMG SRC=x OnErRoR=${PWN}>` },
    { name: 'markdown image breaking out of src', markdown: `![x](x" onerror="${PWN})` },
    { name: 'javascript: link', markdown: `[click](javascript:${PWN})` },
    { name: 'mixed-case javascript: link', markdown: `[click](JaVaScRiPt:${PWN})` },
    { name: 'javascript: link with a tab inside', markdown: `<a href="jav&#x09;ascript:${PWN}">x</a>` },
    {
      name: 'entity-encoded javascript: link',
      markdown: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${PWN}">x</a>`,
    },
    { name: 'autolinked javascript: URL', markdown: `<javascript:${PWN}>` },
    { name: 'vbscript: link', markdown: '<a href="vbscript:msgbox(1)">x</a>' },
    { name: 'OS protocol handler link', markdown: '[fix it](ms-msdt:/id PCWDiagnostic /skip force)' },
    { name: 'file: link', markdown: '[passwords](file:///etc/passwd)' },
    { name: 'other app protocols', markdown: '[chat](xmpp:x@evil.example) [call](callto:+15550100) [get](ftp://evil.example/x)' },
    { name: 'data: HTML link', markdown: `[x](data:text/html,<script>${PWN}</script>)` },
    {
      name: 'base64 data: HTML link',
      markdown: `<a href="data:text/html;base64,${btoa(`<script>${PWN}</script>`)}">x</a>`,
    },
    { name: 'svg onload', markdown: `<svg onload="${PWN}"></svg>` },
    { name: 'script inside svg', markdown: `<svg><script>${PWN}</script></svg>` },
    { name: 'svg link with xlink:href', markdown: `<svg><a xlink:href="javascript:${PWN}"><text>x</text></a></svg>` },
    { name: 'iframe javascript: src', markdown: `<iframe src="javascript:${PWN}"></iframe>` },
    { name: 'iframe srcdoc', markdown: `<iframe srcdoc="<script>${PWN}</script>"></iframe>` },
    { name: 'object and embed', markdown: `<object data="javascript:${PWN}"></object><embed src="javascript:${PWN}">` },
    { name: 'style element', markdown: '<style>* { display: none !important }</style>' },
    { name: 'style attribute', markdown: '<a href="https://x.test" style="position:fixed;inset:0">cover</a>' },
    { name: 'form with javascript: action', markdown: `<form action="javascript:${PWN}"><button>go</button></form>` },
    { name: 'autofocus input onfocus', markdown: `<input autofocus onfocus="${PWN}">` },
    { name: 'details ontoggle', markdown: `<details open ontoggle="${PWN}"><summary>s</summary></details>` },
    { name: 'event handler on a plain div', markdown: `<div onmouseover="${PWN}" onclick="${PWN}">hover</div>` },
    { name: 'body onload', markdown: `<body onload="${PWN}">` },
    { name: 'meta refresh', markdown: `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">` },
    { name: 'base href', markdown: `<base href="javascript:${PWN}//">` },
    { name: 'video source onerror', markdown: `<video><source onerror="${PWN}"></video>` },
    { name: 'template content', markdown: `<template><img src=x onerror="${PWN}"></template>` },
    { name: 'split script tag', markdown: `<scr<script>ipt>${PWN}</scr</script>ipt>` },
    { name: 'noscript attribute breakout', markdown: `<noscript><p title="</noscript><img src=x onerror=${PWN}>">` },
    {
      name: 'mathml namespace confusion (mXSS)',
      markdown: `<math><mtext><table><mglyph><style><img src=x onerror="${PWN}"></style></mglyph></table></mtext></math>`,
    },
    { name: 'srcset beacon', markdown: '<img srcset="https://tracker.example/p.png 1x" src="x">' },
    { name: 'unterminated tag soup', markdown: `<img src=x onerror=${PWN} <b>bold` },
  ];
}
