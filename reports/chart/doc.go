// Package chart draws the pictures of baokan's reports with gonum.org/v1/plot: line charts
// of counts over periods with bursts shaded (Lines, for `baokan timeline --chart`), bar
// charts (Bars: articles per year, per page) and co-mention networks (Network), as PNG or
// SVG.
//
// Lines draws one line per series over ordered categories (periods such as "1962",
// "1962-10", "1962-W44"), each in its colour from Tableau 10, named in a legend right of
// the plot; a series' bursts are translucent bands of its colour behind the lines, from
// half a category before the first burst period to half after the last, darker for higher
// burst levels. The y axis starts at 0. When the categories do not fit, every n-th is
// labelled, at intervals natural to the period (years 1950, 1955, …; months January and
// July; weeks 1, 14, 27, 40), and labels longer than five characters are turned 45°.
//
// Bars draws one vertical bar per label, from 0 to its value.
//
// Network draws a graph with the force-directed layout of P. Eades, "A heuristic for graph
// drawing", Congressus Numerantium 42:149–160 (1984), as implemented by gonum's
// graph/layout.EadesR2, started from positions drawn from the seeded source, so the same
// input and seed give the same picture. Node area grows with Size (radius ∝ √Size), colour
// marks Group (groups ranked by total size take the palette's colours in order), and grey
// edges are wider for higher Weight.
//
// # Fonts
//
// Chinese text needs a font with CJK glyphs; Options.Font names one, else FindFont looks for
// $BAOKAN_FONT, then the usual places of Noto Sans CJK, WenQuanYi and the Chinese fonts of
// macOS and Windows, then asks fontconfig (fc-match). From a collection (.ttc) the Simplified
// Chinese face is used. Every text style of a chart gets its own font cache, so the package
// globals of gonum/plot (plot.DefaultFont, font.DefaultCache) are left alone and charts can
// be drawn concurrently. A parsed font is kept per process, by path.
//
// PNG text is drawn from the font's outlines. SVG text stays text, with the font's family
// followed by a fallback list of CJK families (Noto Sans CJK SC, Source Han Sans SC,
// WenQuanYi Micro Hei, PingFang SC, Hiragino Sans GB, Microsoft YaHei, SimHei, sans-serif),
// so a browser shows it with any installed Chinese font; the font is not embedded (Noto
// Sans CJK is 20 MB), which keeps an SVG to tens of kilobytes.
//
// PDF is not offered: gonum/plot's PDF canvas encodes text in code page 1252 only.
//
// Output is deterministic: the same chart and options give byte-identical files.
package chart
