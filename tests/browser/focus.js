// The focus indicator of document.activeElement against the background behind it (WCAG 2 contrast).
() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  window.focusSeen = window.focusSeen || new WeakSet();
  if (window.focusSeen.has(element)) return null;  // wrapped round to the first stop
  window.focusSeen.add(element);
  const parse = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const luminance = (c) => {
    const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The outline and box-shadow sit outside the element: the background behind them is its
  // ancestors', semi-transparent layers blended over what is under them.
  const layers = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    const color = parse(getComputedStyle(node).backgroundColor);
    if (color && color.a > 0) { layers.push(color); if (color.a >= 1) break; }
  }
  let background = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of layers.reverse()) background = over(layer, background);
  const style = getComputedStyle(element);
  const colours = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) {
    const c = parse(style.outlineColor);
    if (c && c.a > 0) colours.push(c);
  }
  if (style.boxShadow && style.boxShadow !== "none") {
    for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
      // a ring: no blur, a spread of at least 1px, not inset
      const lengths = shadow.replace(/rgba?\([^)]*\)/, "").trim().split(/\s+/).map(parseFloat);
      const c = parse(shadow);
      if (c && c.a > 0 && !shadow.includes("inset") && (lengths[2] || 0) === 0 && (lengths[3] || 0) >= 1) colours.push(c);
    }
  }
  const ratios = colours.map((c) => contrast(over(c, background), background));
  const rgb = (c) => `rgb(${Math.round(c.r)} ${Math.round(c.g)} ${Math.round(c.b)})`;
  let name = element.tagName.toLowerCase();
  if (element.id) name += "#" + element.id;
  else if (element.classList.length) name += "." + [...element.classList].join(".");
  const text = (element.getAttribute("aria-label") || element.textContent || element.value || element.name || "").trim().replace(/\s+/g, " ").slice(0, 40);
  return {
    element: `${name} "${text}"`,
    ratio: ratios.length ? Math.max(...ratios) : 1,
    indicator: colours.map(rgb).join(" + ") || "none",
    background: rgb(background),
  };
}
