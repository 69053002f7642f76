// GOV.UK Frontend's components style themselves for JavaScript only once the body says the
// browser can run them (ES modules). Loaded as the first thing in <body>, instead of an inline
// script, so the Content Security Policy can forbid inline scripts.
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
