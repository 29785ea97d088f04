"""Reference palettes DesignForge is compared with, and how each tool is conventionally used.

Plain data, shared by ``bench/palette_quality.py`` (which prints the comparison) and
``designs/tests/test_engine_vs_references.py`` (which asserts it). Nothing here is typed from memory:

- ``TAILWIND_V3``: ``lib/public/colors.js`` of the npm package ``tailwindcss@3.4.19`` (the last v3
  release; tarball sha1 af2a0a4ae302d52ebe078b6775e799e132500ee2), the 22 colour families, steps 50..950.
  The deprecated aliases (``lightBlue``, ``warmGray``...) are left out.
- ``TAILWIND_V4``: the ``--color-*`` custom properties of ``theme.css`` in ``tailwindcss@4.3.5``
  (sha1 91ac1f2486f3dff8747aebd0a687abd5955035b8), same 22 families. v4 publishes OKLCH, partly outside
  sRGB; the bench maps them into sRGB with the CSS Color 4 gamut mapping (coloraide ``minde-chroma``).
- ``RADIX_LIGHT`` / ``RADIX_DARK``: the solid (non-alpha, sRGB) scales of ``@radix-ui/colors@3.0.0``
  (``index.js``; sha1 e8a591a303c44e503bd1212cacf40a09511165e0), all 31 scales, steps 1..12.
- ``RADIX_ACCENTS``, ``RADIX_MATCHING_GRAY``, ``RADIX_CONTRAST``: ``@radix-ui/themes@3.3.0``
  (sha1 e7e795ab158642cf6ca2617c683488445dccc989): ``accentColors``, ``getMatchingGrayColor``, the
  ``--{accent}-contrast`` text colour on step 9 (white unless listed).
- Material 3 is not stored: the bench generates it from each seed with ``materialyoucolor`` (PyPI,
  pinned in requirements-dev.txt), a port of Material Color Utilities. Every role and tonal palette used
  here (TonalSpot and Fidelity, light and dark, and the custom colour groups) was checked identical to
  the official ``@material/material-color-utilities@0.4.0`` for all twelve seeds (816 role colours and
  1,872 palette tones, run once under Node). ``MATERIAL_STATUS_SOURCES`` are Material Design 2's green
  500, amber 500 and blue 500 (as in the npm package ``material-colors@1.2.6``), added as Material Theme
  Builder "custom colours".

Each ``*_USAGE`` table (and ``MATERIAL_ROLES``) is the common way a team builds the light and dark roles
of ``shared/CONTRACT.md`` from that tool: for each colour X its fill ``X``, the text on it ``on-X``, text
in that colour on the page ``X-text``, a tinted background ``X-subtle`` and the text on it
``on-X-subtle``, plus ``border-strong`` (the border a control needs to be seen). It is a choice of this
comparison, written down here with where each choice comes from, so that it can be argued with:

- Material 3: X-text is the role colour itself (tone 40 light / 80 dark): text buttons and links are
  drawn in ``primary`` (Flutter's M3 ``TextButton`` foreground is ``colorScheme.primary``); X-subtle and
  on-X-subtle are ``XContainer`` / ``onXContainer``; border-strong is ``outline`` ("important boundaries,
  such as a text field outline"; ``outlineVariant`` is for "decorative elements when a 3:1 contrast isn't
  required", Flutter's ``ColorScheme`` docs). The statuses Material has no role for are Theme Builder
  custom colours: Material Color Utilities' ``customColor`` (``utils/theme_utils``) gives colour,
  onColor, colorContainer, onColorContainer tones 40, 100, 90, 10 in light and 80, 20, 30, 90 in dark.
  (materialyoucolor 3.0.4's port of it cannot be imported: its ``theme_utils`` imports a module the
  wheel lacks, so the bench reads the same tones from the harmonised palette.)
- Tailwind (``TAILWIND_USAGE``): Tailwind UI / Tailwind Plus markup, the commercial component set most
  Tailwind products are built from (not in the npm package; these classes as they appear in the many
  public projects made from it): links and inline messages ``text-indigo-600 dark:text-indigo-400``,
  ``text-red-600 dark:text-red-400`` (X-text 600 / 400); alerts ``bg-green-50 ... dark:bg-green-500/10``
  with ``text-green-800 dark:text-green-300`` (X-subtle 50 / 500 at 10% over the page, on-X-subtle 800 /
  300). Tailwind's own docs draw a tint the same way (``bg-pink-100 dark:bg-pink-400/10``,
  ``src/docs/colors.mdx`` of tailwindcss.com). border-strong is gray-500 in both themes: the form-control
  border of Tailwind Labs' ``@tailwindcss/forms`` plugin (``border-color: theme('colors.gray.500')``,
  ``src/index.js``), which has no dark variant; Tailwind Plus's own inputs use the fainter gray-300
  (``white/10`` in dark), which would pass fewer pairs.
- Radix (``RADIX_USAGE``): the step roles of Radix Colors' "Understanding the scale" (radix-ui/website,
  ``data/colors/docs/palette-composition/understanding-the-scale.mdx``): 1-2 backgrounds, 3 component
  backgrounds, 8 "stronger borders on interactive components and focus rings" (border-strong, and Radix
  Themes' ``--focus-8`` outline), 9 solid, 11 low-contrast text, 12 high-contrast text. X-text is step 11
  (Radix Themes' coloured ``Text``: ``--accent-a11``); X-subtle / on-X-subtle are steps 3 / 11 as in
  Radix Themes' soft Badge (``--accent-3`` background, ``--accent-11`` text) and Callout (``a3`` / ``a11``),
  step 12 only with ``highContrast``: a pair the docs say is "guaranteed to pass 4.5:1". Where Radix
  Themes uses the alpha scale over the page, the bench uses the solid step, its published equivalent.
"""

#: Brand colours every seeded tool is given, with a label. Edge cases on purpose.
SEEDS = (
    ("yellow", "#ffd500"),
    ("neon green", "#39ff14"),
    ("near-black", "#0a0a0a"),
    ("near-white", "#f5f5f5"),
    ("magenta", "#ff00ff"),
    ("teal", "#008080"),
    ("navy", "#001f5b"),
    ("orange", "#ff6a00"),
    ("brand blue", "#1877f2"),
    ("brand red", "#e50914"),
    ("mid grey", "#808080"),
    ("purple", "#6a0dad"),
)

# --- Tailwind ---------------------------------------------------------------------------------------------

TAILWIND_STEPS = ("50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950")

#: Tailwind UI style: ``bg-white`` page, ``text-gray-900`` / ``text-gray-500`` text, brand buttons
#: ``bg-{brand}-600 text-white`` with ``focus-visible:outline-{brand}-600`` (500 in dark mode, on a
#: ``bg-gray-900`` page). A role is ``(family, step)`` or a plain hex. Status fills are the usual
#: green-600 / amber-500 / red-600 / sky-600 (one step lighter in dark mode, amber stays 500). Every
#: colour X (brand or status) takes ``text`` for X-text and ``on-subtle`` for on-X-subtle from its own
#: family; ``subtle`` is ``(step, opacity)``, laid over the page when the opacity is below 1.
TAILWIND_USAGE = {
    "light": {
        "background": "#ffffff",
        "surface": ("gray", "50"),
        "text": ("gray", "900"),
        "text-muted": ("gray", "500"),
        "border-strong": ("gray", "500"),
        "brand-step": "600",
        "status": {
            "success": ("green", "600"),
            "warning": ("amber", "500"),
            "danger": ("red", "600"),
            "info": ("sky", "600"),
        },
        "colour-text": "600",
        "subtle": ("50", 1.0),
        "on-subtle": "800",
    },
    "dark": {
        "background": ("gray", "900"),
        "surface": ("gray", "800"),
        "text": "#ffffff",
        "text-muted": ("gray", "400"),
        "border-strong": ("gray", "500"),
        "brand-step": "500",
        "status": {
            "success": ("green", "500"),
            "warning": ("amber", "500"),
            "danger": ("red", "500"),
            "info": ("sky", "500"),
        },
        "colour-text": "400",
        "subtle": ("500", 0.1),
        "on-subtle": "300",
    },
}
#: ``text-white`` on every filled colour.
TAILWIND_ON_FILL = "#ffffff"

# --- Radix ------------------------------------------------------------------------------------------------

#: Steps (1-based) used for each role, in light and dark alike. Page on gray step 1, panels on step 2;
#: ``border-strong`` is a gray step, ``focus-ring`` a step of the brand colour; every colour X takes
#: ``solid`` (X), ``colour-text`` (X-text), ``subtle`` (X-subtle) and ``on-subtle`` (on-X-subtle).
RADIX_USAGE = {
    "background": 1,
    "surface": 2,
    "text": 12,
    "text-muted": 11,
    "border-strong": 8,
    "focus-ring": 8,
    "solid": 9,
    "colour-text": 11,
    "subtle": 3,
    "on-subtle": 11,
    "status": {"success": "green", "warning": "amber", "danger": "red", "info": "blue"},
}

#: Radix Themes' ``accentColors``: what a Radix user can pick as the brand colour.
RADIX_ACCENTS = (
    "gray", "gold", "bronze", "brown", "yellow", "amber", "orange", "tomato", "red", "ruby", "crimson", "pink",
    "plum", "purple", "violet", "iris", "indigo", "blue", "cyan", "teal", "jade", "green", "grass", "lime",
    "mint", "sky",
)

#: Radix Themes' ``getMatchingGrayColor``: the neutral scale paired with each accent.
RADIX_MATCHING_GRAY = {
    **dict.fromkeys(("tomato", "red", "ruby", "crimson", "pink", "plum", "purple", "violet"), "mauve"),
    **dict.fromkeys(("iris", "indigo", "blue", "sky", "cyan"), "slate"),
    **dict.fromkeys(("teal", "jade", "mint", "green"), "sage"),
    **dict.fromkeys(("grass", "lime"), "olive"),
    **dict.fromkeys(("yellow", "amber", "orange", "brown", "gold", "bronze"), "sand"),
    "gray": "gray",
}

#: Radix Themes' ``--{accent}-contrast``: text on step 9 (light and dark). Every other accent uses white.
RADIX_CONTRAST = {
    "amber": "#21201c",
    "lime": "#1d211c",
    "mint": "#1a211e",
    "sky": "#1c2024",
    "yellow": "#21201c",
}

# --- Material 3 -------------------------------------------------------------------------------------------

#: Material Color Utilities colour-spec version (the official library's default).
MATERIAL_SPEC = "2021"

#: The standard tones of a Material tonal palette, lightest first.
MATERIAL_TONES = (100, 99, 95, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0)

#: Our surface and outline roles -> Material dynamic colour. Cards sit on ``surfaceContainerLow``; the
#: M3 focus indicator uses ``secondary``.
MATERIAL_ROLES = {
    "background": "background",
    "surface": "surfaceContainerLow",
    "text": "onSurface",
    "text-muted": "onSurfaceVariant",
    "border-strong": "outline",
    "focus-ring": "secondary",
}

#: Our colour -> Material's role family: X, on-X, X-text, X-subtle, on-X-subtle become
#: ``x``, ``onX``, ``x``, ``xContainer``, ``onXContainer``.
MATERIAL_COLOURS = {"primary": "primary", "secondary": "secondary", "accent": "tertiary", "danger": "error"}

#: Custom colours for the statuses Material has no role for (harmonised with the seed, as Material
#: Theme Builder does by default).
MATERIAL_STATUS_SOURCES = {"success": "#4caf50", "warning": "#ffc107", "info": "#2196f3"}

#: Tones of a custom colour group (Material Color Utilities ``customColor``), per theme, for X, on-X,
#: X-text, X-subtle and on-X-subtle.
MATERIAL_CUSTOM_TONES = {"light": (40, 100, 40, 90, 10), "dark": (80, 20, 80, 30, 90)}

# --- Published palettes (generated from the npm packages named above) -------------------------------------

TAILWIND_V3 = {
    "slate": (
        "#f8fafc", "#f1f5f9", "#e2e8f0", "#cbd5e1", "#94a3b8", "#64748b",
        "#475569", "#334155", "#1e293b", "#0f172a", "#020617",
    ),
    "gray": (
        "#f9fafb", "#f3f4f6", "#e5e7eb", "#d1d5db", "#9ca3af", "#6b7280",
        "#4b5563", "#374151", "#1f2937", "#111827", "#030712",
    ),
    "zinc": (
        "#fafafa", "#f4f4f5", "#e4e4e7", "#d4d4d8", "#a1a1aa", "#71717a",
        "#52525b", "#3f3f46", "#27272a", "#18181b", "#09090b",
    ),
    "neutral": (
        "#fafafa", "#f5f5f5", "#e5e5e5", "#d4d4d4", "#a3a3a3", "#737373",
        "#525252", "#404040", "#262626", "#171717", "#0a0a0a",
    ),
    "stone": (
        "#fafaf9", "#f5f5f4", "#e7e5e4", "#d6d3d1", "#a8a29e", "#78716c",
        "#57534e", "#44403c", "#292524", "#1c1917", "#0c0a09",
    ),
    "red": (
        "#fef2f2", "#fee2e2", "#fecaca", "#fca5a5", "#f87171", "#ef4444",
        "#dc2626", "#b91c1c", "#991b1b", "#7f1d1d", "#450a0a",
    ),
    "orange": (
        "#fff7ed", "#ffedd5", "#fed7aa", "#fdba74", "#fb923c", "#f97316",
        "#ea580c", "#c2410c", "#9a3412", "#7c2d12", "#431407",
    ),
    "amber": (
        "#fffbeb", "#fef3c7", "#fde68a", "#fcd34d", "#fbbf24", "#f59e0b",
        "#d97706", "#b45309", "#92400e", "#78350f", "#451a03",
    ),
    "yellow": (
        "#fefce8", "#fef9c3", "#fef08a", "#fde047", "#facc15", "#eab308",
        "#ca8a04", "#a16207", "#854d0e", "#713f12", "#422006",
    ),
    "lime": (
        "#f7fee7", "#ecfccb", "#d9f99d", "#bef264", "#a3e635", "#84cc16",
        "#65a30d", "#4d7c0f", "#3f6212", "#365314", "#1a2e05",
    ),
    "green": (
        "#f0fdf4", "#dcfce7", "#bbf7d0", "#86efac", "#4ade80", "#22c55e",
        "#16a34a", "#15803d", "#166534", "#14532d", "#052e16",
    ),
    "emerald": (
        "#ecfdf5", "#d1fae5", "#a7f3d0", "#6ee7b7", "#34d399", "#10b981",
        "#059669", "#047857", "#065f46", "#064e3b", "#022c22",
    ),
    "teal": (
        "#f0fdfa", "#ccfbf1", "#99f6e4", "#5eead4", "#2dd4bf", "#14b8a6",
        "#0d9488", "#0f766e", "#115e59", "#134e4a", "#042f2e",
    ),
    "cyan": (
        "#ecfeff", "#cffafe", "#a5f3fc", "#67e8f9", "#22d3ee", "#06b6d4",
        "#0891b2", "#0e7490", "#155e75", "#164e63", "#083344",
    ),
    "sky": (
        "#f0f9ff", "#e0f2fe", "#bae6fd", "#7dd3fc", "#38bdf8", "#0ea5e9",
        "#0284c7", "#0369a1", "#075985", "#0c4a6e", "#082f49",
    ),
    "blue": (
        "#eff6ff", "#dbeafe", "#bfdbfe", "#93c5fd", "#60a5fa", "#3b82f6",
        "#2563eb", "#1d4ed8", "#1e40af", "#1e3a8a", "#172554",
    ),
    "indigo": (
        "#eef2ff", "#e0e7ff", "#c7d2fe", "#a5b4fc", "#818cf8", "#6366f1",
        "#4f46e5", "#4338ca", "#3730a3", "#312e81", "#1e1b4b",
    ),
    "violet": (
        "#f5f3ff", "#ede9fe", "#ddd6fe", "#c4b5fd", "#a78bfa", "#8b5cf6",
        "#7c3aed", "#6d28d9", "#5b21b6", "#4c1d95", "#2e1065",
    ),
    "purple": (
        "#faf5ff", "#f3e8ff", "#e9d5ff", "#d8b4fe", "#c084fc", "#a855f7",
        "#9333ea", "#7e22ce", "#6b21a8", "#581c87", "#3b0764",
    ),
    "fuchsia": (
        "#fdf4ff", "#fae8ff", "#f5d0fe", "#f0abfc", "#e879f9", "#d946ef",
        "#c026d3", "#a21caf", "#86198f", "#701a75", "#4a044e",
    ),
    "pink": (
        "#fdf2f8", "#fce7f3", "#fbcfe8", "#f9a8d4", "#f472b6", "#ec4899",
        "#db2777", "#be185d", "#9d174d", "#831843", "#500724",
    ),
    "rose": (
        "#fff1f2", "#ffe4e6", "#fecdd3", "#fda4af", "#fb7185", "#f43f5e",
        "#e11d48", "#be123c", "#9f1239", "#881337", "#4c0519",
    ),
}

TAILWIND_V4 = {
    "slate": (
        "oklch(98.4% 0.003 247.858)", "oklch(96.8% 0.007 247.896)", "oklch(92.9% 0.013 255.508)",
        "oklch(86.9% 0.022 252.894)", "oklch(70.4% 0.04 256.788)", "oklch(55.4% 0.046 257.417)",
        "oklch(44.6% 0.043 257.281)", "oklch(37.2% 0.044 257.287)", "oklch(27.9% 0.041 260.031)",
        "oklch(20.8% 0.042 265.755)", "oklch(12.9% 0.042 264.695)",
    ),
    "gray": (
        "oklch(98.5% 0.002 247.839)", "oklch(96.7% 0.003 264.542)", "oklch(92.8% 0.006 264.531)",
        "oklch(87.2% 0.01 258.338)", "oklch(70.7% 0.022 261.325)", "oklch(55.1% 0.027 264.364)",
        "oklch(44.6% 0.03 256.802)", "oklch(37.3% 0.034 259.733)", "oklch(27.8% 0.033 256.848)",
        "oklch(21% 0.034 264.665)", "oklch(13% 0.028 261.692)",
    ),
    "zinc": (
        "oklch(98.5% 0 none)", "oklch(96.7% 0.001 286.375)", "oklch(92% 0.004 286.32)",
        "oklch(87.1% 0.006 286.286)", "oklch(70.5% 0.015 286.067)", "oklch(55.2% 0.016 285.938)",
        "oklch(44.2% 0.017 285.786)", "oklch(37% 0.013 285.805)", "oklch(27.4% 0.006 286.033)",
        "oklch(21% 0.006 285.885)", "oklch(14.1% 0.005 285.823)",
    ),
    "neutral": (
        "oklch(98.5% 0 none)", "oklch(97% 0 none)", "oklch(92.2% 0 none)",
        "oklch(87% 0 none)", "oklch(70.8% 0 none)", "oklch(55.6% 0 none)",
        "oklch(43.9% 0 none)", "oklch(37.1% 0 none)", "oklch(26.9% 0 none)",
        "oklch(20.5% 0 none)", "oklch(14.5% 0 none)",
    ),
    "stone": (
        "oklch(98.5% 0.001 106.423)", "oklch(97% 0.001 106.424)", "oklch(92.3% 0.003 48.717)",
        "oklch(86.9% 0.005 56.366)", "oklch(70.9% 0.01 56.259)", "oklch(55.3% 0.013 58.071)",
        "oklch(44.4% 0.011 73.639)", "oklch(37.4% 0.01 67.558)", "oklch(26.8% 0.007 34.298)",
        "oklch(21.6% 0.006 56.043)", "oklch(14.7% 0.004 49.25)",
    ),
    "red": (
        "oklch(97.1% 0.013 17.38)", "oklch(93.6% 0.032 17.717)", "oklch(88.5% 0.062 18.334)",
        "oklch(80.8% 0.114 19.571)", "oklch(70.4% 0.191 22.216)", "oklch(63.7% 0.237 25.331)",
        "oklch(57.7% 0.245 27.325)", "oklch(50.5% 0.213 27.518)", "oklch(44.4% 0.177 26.899)",
        "oklch(39.6% 0.141 25.723)", "oklch(25.8% 0.092 26.042)",
    ),
    "orange": (
        "oklch(98% 0.016 73.684)", "oklch(95.4% 0.038 75.164)", "oklch(90.1% 0.076 70.697)",
        "oklch(83.7% 0.128 66.29)", "oklch(75% 0.183 55.934)", "oklch(70.5% 0.213 47.604)",
        "oklch(64.6% 0.222 41.116)", "oklch(55.3% 0.195 38.402)", "oklch(47% 0.157 37.304)",
        "oklch(40.8% 0.123 38.172)", "oklch(26.6% 0.079 36.259)",
    ),
    "amber": (
        "oklch(98.7% 0.022 95.277)", "oklch(96.2% 0.059 95.617)", "oklch(92.4% 0.12 95.746)",
        "oklch(87.9% 0.169 91.605)", "oklch(82.8% 0.189 84.429)", "oklch(76.9% 0.188 70.08)",
        "oklch(66.6% 0.179 58.318)", "oklch(55.5% 0.163 48.998)", "oklch(47.3% 0.137 46.201)",
        "oklch(41.4% 0.112 45.904)", "oklch(27.9% 0.077 45.635)",
    ),
    "yellow": (
        "oklch(98.7% 0.026 102.212)", "oklch(97.3% 0.071 103.193)", "oklch(94.5% 0.129 101.54)",
        "oklch(90.5% 0.182 98.111)", "oklch(85.2% 0.199 91.936)", "oklch(79.5% 0.184 86.047)",
        "oklch(68.1% 0.162 75.834)", "oklch(55.4% 0.135 66.442)", "oklch(47.6% 0.114 61.907)",
        "oklch(42.1% 0.095 57.708)", "oklch(28.6% 0.066 53.813)",
    ),
    "lime": (
        "oklch(98.6% 0.031 120.757)", "oklch(96.7% 0.067 122.328)", "oklch(93.8% 0.127 124.321)",
        "oklch(89.7% 0.196 126.665)", "oklch(84.1% 0.238 128.85)", "oklch(76.8% 0.233 130.85)",
        "oklch(64.8% 0.2 131.684)", "oklch(53.2% 0.157 131.589)", "oklch(45.3% 0.124 130.933)",
        "oklch(40.5% 0.101 131.063)", "oklch(27.4% 0.072 132.109)",
    ),
    "green": (
        "oklch(98.2% 0.018 155.826)", "oklch(96.2% 0.044 156.743)", "oklch(92.5% 0.084 155.995)",
        "oklch(87.1% 0.15 154.449)", "oklch(79.2% 0.209 151.711)", "oklch(72.3% 0.219 149.579)",
        "oklch(62.7% 0.194 149.214)", "oklch(52.7% 0.154 150.069)", "oklch(44.8% 0.119 151.328)",
        "oklch(39.3% 0.095 152.535)", "oklch(26.6% 0.065 152.934)",
    ),
    "emerald": (
        "oklch(97.9% 0.021 166.113)", "oklch(95% 0.052 163.051)", "oklch(90.5% 0.093 164.15)",
        "oklch(84.5% 0.143 164.978)", "oklch(76.5% 0.177 163.223)", "oklch(69.6% 0.17 162.48)",
        "oklch(59.6% 0.145 163.225)", "oklch(50.8% 0.118 165.612)", "oklch(43.2% 0.095 166.913)",
        "oklch(37.8% 0.077 168.94)", "oklch(26.2% 0.051 172.552)",
    ),
    "teal": (
        "oklch(98.4% 0.014 180.72)", "oklch(95.3% 0.051 180.801)", "oklch(91% 0.096 180.426)",
        "oklch(85.5% 0.138 181.071)", "oklch(77.7% 0.152 181.912)", "oklch(70.4% 0.14 182.503)",
        "oklch(60% 0.118 184.704)", "oklch(51.1% 0.096 186.391)", "oklch(43.7% 0.078 188.216)",
        "oklch(38.6% 0.063 188.416)", "oklch(27.7% 0.046 192.524)",
    ),
    "cyan": (
        "oklch(98.4% 0.019 200.873)", "oklch(95.6% 0.045 203.388)", "oklch(91.7% 0.08 205.041)",
        "oklch(86.5% 0.127 207.078)", "oklch(78.9% 0.154 211.53)", "oklch(71.5% 0.143 215.221)",
        "oklch(60.9% 0.126 221.723)", "oklch(52% 0.105 223.128)", "oklch(45% 0.085 224.283)",
        "oklch(39.8% 0.07 227.392)", "oklch(30.2% 0.056 229.695)",
    ),
    "sky": (
        "oklch(97.7% 0.013 236.62)", "oklch(95.1% 0.026 236.824)", "oklch(90.1% 0.058 230.902)",
        "oklch(82.8% 0.111 230.318)", "oklch(74.6% 0.16 232.661)", "oklch(68.5% 0.169 237.323)",
        "oklch(58.8% 0.158 241.966)", "oklch(50% 0.134 242.749)", "oklch(44.3% 0.11 240.79)",
        "oklch(39.1% 0.09 240.876)", "oklch(29.3% 0.066 243.157)",
    ),
    "blue": (
        "oklch(97% 0.014 254.604)", "oklch(93.2% 0.032 255.585)", "oklch(88.2% 0.059 254.128)",
        "oklch(80.9% 0.105 251.813)", "oklch(70.7% 0.165 254.624)", "oklch(62.3% 0.214 259.815)",
        "oklch(54.6% 0.245 262.881)", "oklch(48.8% 0.243 264.376)", "oklch(42.4% 0.199 265.638)",
        "oklch(37.9% 0.146 265.522)", "oklch(28.2% 0.091 267.935)",
    ),
    "indigo": (
        "oklch(96.2% 0.018 272.314)", "oklch(93% 0.034 272.788)", "oklch(87% 0.065 274.039)",
        "oklch(78.5% 0.115 274.713)", "oklch(67.3% 0.182 276.935)", "oklch(58.5% 0.233 277.117)",
        "oklch(51.1% 0.262 276.966)", "oklch(45.7% 0.24 277.023)", "oklch(39.8% 0.195 277.366)",
        "oklch(35.9% 0.144 278.697)", "oklch(25.7% 0.09 281.288)",
    ),
    "violet": (
        "oklch(96.9% 0.016 293.756)", "oklch(94.3% 0.029 294.588)", "oklch(89.4% 0.057 293.283)",
        "oklch(81.1% 0.111 293.571)", "oklch(70.2% 0.183 293.541)", "oklch(60.6% 0.25 292.717)",
        "oklch(54.1% 0.281 293.009)", "oklch(49.1% 0.27 292.581)", "oklch(43.2% 0.232 292.759)",
        "oklch(38% 0.189 293.745)", "oklch(28.3% 0.141 291.089)",
    ),
    "purple": (
        "oklch(97.7% 0.014 308.299)", "oklch(94.6% 0.033 307.174)", "oklch(90.2% 0.063 306.703)",
        "oklch(82.7% 0.119 306.383)", "oklch(71.4% 0.203 305.504)", "oklch(62.7% 0.265 303.9)",
        "oklch(55.8% 0.288 302.321)", "oklch(49.6% 0.265 301.924)", "oklch(43.8% 0.218 303.724)",
        "oklch(38.1% 0.176 304.987)", "oklch(29.1% 0.149 302.717)",
    ),
    "fuchsia": (
        "oklch(97.7% 0.017 320.058)", "oklch(95.2% 0.037 318.852)", "oklch(90.3% 0.076 319.62)",
        "oklch(83.3% 0.145 321.434)", "oklch(74% 0.238 322.16)", "oklch(66.7% 0.295 322.15)",
        "oklch(59.1% 0.293 322.896)", "oklch(51.8% 0.253 323.949)", "oklch(45.2% 0.211 324.591)",
        "oklch(40.1% 0.17 325.612)", "oklch(29.3% 0.136 325.661)",
    ),
    "pink": (
        "oklch(97.1% 0.014 343.198)", "oklch(94.8% 0.028 342.258)", "oklch(89.9% 0.061 343.231)",
        "oklch(82.3% 0.12 346.018)", "oklch(71.8% 0.202 349.761)", "oklch(65.6% 0.241 354.308)",
        "oklch(59.2% 0.249 0.584)", "oklch(52.5% 0.223 3.958)", "oklch(45.9% 0.187 3.815)",
        "oklch(40.8% 0.153 2.432)", "oklch(28.4% 0.109 3.907)",
    ),
    "rose": (
        "oklch(96.9% 0.015 12.422)", "oklch(94.1% 0.03 12.58)", "oklch(89.2% 0.058 10.001)",
        "oklch(81% 0.117 11.638)", "oklch(71.2% 0.194 13.428)", "oklch(64.5% 0.246 16.439)",
        "oklch(58.6% 0.253 17.585)", "oklch(51.4% 0.222 16.935)", "oklch(45.5% 0.188 13.697)",
        "oklch(41% 0.159 10.272)", "oklch(27.1% 0.105 12.094)",
    ),
}

RADIX_LIGHT = {
    "gray": (
        "#fcfcfc", "#f9f9f9", "#f0f0f0", "#e8e8e8", "#e0e0e0", "#d9d9d9",
        "#cecece", "#bbbbbb", "#8d8d8d", "#838383", "#646464", "#202020",
    ),
    "mauve": (
        "#fdfcfd", "#faf9fb", "#f2eff3", "#eae7ec", "#e3dfe6", "#dbd8e0",
        "#d0cdd7", "#bcbac7", "#8e8c99", "#84828e", "#65636d", "#211f26",
    ),
    "slate": (
        "#fcfcfd", "#f9f9fb", "#f0f0f3", "#e8e8ec", "#e0e1e6", "#d9d9e0",
        "#cdced6", "#b9bbc6", "#8b8d98", "#80838d", "#60646c", "#1c2024",
    ),
    "sage": (
        "#fbfdfc", "#f7f9f8", "#eef1f0", "#e6e9e8", "#dfe2e0", "#d7dad9",
        "#cbcfcd", "#b8bcba", "#868e8b", "#7c8481", "#5f6563", "#1a211e",
    ),
    "olive": (
        "#fcfdfc", "#f8faf8", "#eff1ef", "#e7e9e7", "#dfe2df", "#d7dad7",
        "#cccfcc", "#b9bcb8", "#898e87", "#7f847d", "#60655f", "#1d211c",
    ),
    "sand": (
        "#fdfdfc", "#f9f9f8", "#f1f0ef", "#e9e8e6", "#e2e1de", "#dad9d6",
        "#cfceca", "#bcbbb5", "#8d8d86", "#82827c", "#63635e", "#21201c",
    ),
    "gold": (
        "#fdfdfc", "#faf9f2", "#f2f0e7", "#eae6db", "#e1dccf", "#d8d0bf",
        "#cbc0aa", "#b9a88d", "#978365", "#8c7a5e", "#71624b", "#3b352b",
    ),
    "bronze": (
        "#fdfcfc", "#fdf7f5", "#f6edea", "#efe4df", "#e7d9d3", "#dfcdc5",
        "#d3bcb3", "#c2a499", "#a18072", "#957468", "#7d5e54", "#43302b",
    ),
    "brown": (
        "#fefdfc", "#fcf9f6", "#f6eee7", "#f0e4d9", "#ebdaca", "#e4cdb7",
        "#dcbc9f", "#cea37e", "#ad7f58", "#a07553", "#815e46", "#3e332e",
    ),
    "yellow": (
        "#fdfdf9", "#fefce9", "#fffab8", "#fff394", "#ffe770", "#f3d768",
        "#e4c767", "#d5ae39", "#ffe629", "#ffdc00", "#9e6c00", "#473b1f",
    ),
    "amber": (
        "#fefdfb", "#fefbe9", "#fff7c2", "#ffee9c", "#fbe577", "#f3d673",
        "#e9c162", "#e2a336", "#ffc53d", "#ffba18", "#ab6400", "#4f3422",
    ),
    "orange": (
        "#fefcfb", "#fff7ed", "#ffefd6", "#ffdfb5", "#ffd19a", "#ffc182",
        "#f5ae73", "#ec9455", "#f76b15", "#ef5f00", "#cc4e00", "#582d1d",
    ),
    "tomato": (
        "#fffcfc", "#fff8f7", "#feebe7", "#ffdcd3", "#ffcdc2", "#fdbdaf",
        "#f5a898", "#ec8e7b", "#e54d2e", "#dd4425", "#d13415", "#5c271f",
    ),
    "red": (
        "#fffcfc", "#fff7f7", "#feebec", "#ffdbdc", "#ffcdce", "#fdbdbe",
        "#f4a9aa", "#eb8e90", "#e5484d", "#dc3e42", "#ce2c31", "#641723",
    ),
    "ruby": (
        "#fffcfd", "#fff7f8", "#feeaed", "#ffdce1", "#ffced6", "#f8bfc8",
        "#efacb8", "#e592a3", "#e54666", "#dc3b5d", "#ca244d", "#64172b",
    ),
    "crimson": (
        "#fffcfd", "#fef7f9", "#ffe9f0", "#fedce7", "#facedd", "#f3bed1",
        "#eaacc3", "#e093b2", "#e93d82", "#df3478", "#cb1d63", "#621639",
    ),
    "pink": (
        "#fffcfe", "#fef7fb", "#fee9f5", "#fbdcef", "#f6cee7", "#efbfdd",
        "#e7acd0", "#dd93c2", "#d6409f", "#cf3897", "#c2298a", "#651249",
    ),
    "plum": (
        "#fefcff", "#fdf7fd", "#fbebfb", "#f7def8", "#f2d1f3", "#e9c2ec",
        "#deade3", "#cf91d8", "#ab4aba", "#a144af", "#953ea3", "#53195d",
    ),
    "purple": (
        "#fefcfe", "#fbf7fe", "#f7edfe", "#f2e2fc", "#ead5f9", "#e0c4f4",
        "#d1afec", "#be93e4", "#8e4ec6", "#8347b9", "#8145b5", "#402060",
    ),
    "violet": (
        "#fdfcfe", "#faf8ff", "#f4f0fe", "#ebe4ff", "#e1d9ff", "#d4cafe",
        "#c2b5f5", "#aa99ec", "#6e56cf", "#654dc4", "#6550b9", "#2f265f",
    ),
    "iris": (
        "#fdfdff", "#f8f8ff", "#f0f1fe", "#e6e7ff", "#dadcff", "#cbcdff",
        "#b8baf8", "#9b9ef0", "#5b5bd6", "#5151cd", "#5753c6", "#272962",
    ),
    "indigo": (
        "#fdfdfe", "#f7f9ff", "#edf2fe", "#e1e9ff", "#d2deff", "#c1d0ff",
        "#abbdf9", "#8da4ef", "#3e63dd", "#3358d4", "#3a5bc7", "#1f2d5c",
    ),
    "blue": (
        "#fbfdff", "#f4faff", "#e6f4fe", "#d5efff", "#c2e5ff", "#acd8fc",
        "#8ec8f6", "#5eb1ef", "#0090ff", "#0588f0", "#0d74ce", "#113264",
    ),
    "cyan": (
        "#fafdfe", "#f2fafb", "#def7f9", "#caf1f6", "#b5e9f0", "#9ddde7",
        "#7dcedc", "#3db9cf", "#00a2c7", "#0797b9", "#107d98", "#0d3c48",
    ),
    "teal": (
        "#fafefd", "#f3fbf9", "#e0f8f3", "#ccf3ea", "#b8eae0", "#a1ded2",
        "#83cdc1", "#53b9ab", "#12a594", "#0d9b8a", "#008573", "#0d3d38",
    ),
    "jade": (
        "#fbfefd", "#f4fbf7", "#e6f7ed", "#d6f1e3", "#c3e9d7", "#acdec8",
        "#8bceb6", "#56ba9f", "#29a383", "#26997b", "#208368", "#1d3b31",
    ),
    "green": (
        "#fbfefc", "#f4fbf6", "#e6f6eb", "#d6f1df", "#c4e8d1", "#adddc0",
        "#8eceaa", "#5bb98b", "#30a46c", "#2b9a66", "#218358", "#193b2d",
    ),
    "grass": (
        "#fbfefb", "#f5fbf5", "#e9f6e9", "#daf1db", "#c9e8ca", "#b2ddb5",
        "#94ce9a", "#65ba74", "#46a758", "#3e9b4f", "#2a7e3b", "#203c25",
    ),
    "lime": (
        "#fcfdfa", "#f8faf3", "#eef6d6", "#e2f0bd", "#d3e7a6", "#c2da91",
        "#abc978", "#8db654", "#bdee63", "#b0e64c", "#5c7c2f", "#37401c",
    ),
    "mint": (
        "#f9fefd", "#f2fbf9", "#ddf9f2", "#c8f4e9", "#b3ecde", "#9ce0d0",
        "#7ecfbd", "#4cbba5", "#86ead4", "#7de0cb", "#027864", "#16433c",
    ),
    "sky": (
        "#f9feff", "#f1fafd", "#e1f6fd", "#d1f0fa", "#bee7f5", "#a9daed",
        "#8dcae3", "#60b3d7", "#7ce2fe", "#74daf8", "#00749e", "#1d3e56",
    ),
}

RADIX_DARK = {
    "gray": (
        "#111111", "#191919", "#222222", "#2a2a2a", "#313131", "#3a3a3a",
        "#484848", "#606060", "#6e6e6e", "#7b7b7b", "#b4b4b4", "#eeeeee",
    ),
    "mauve": (
        "#121113", "#1a191b", "#232225", "#2b292d", "#323035", "#3c393f",
        "#49474e", "#625f69", "#6f6d78", "#7c7a85", "#b5b2bc", "#eeeef0",
    ),
    "slate": (
        "#111113", "#18191b", "#212225", "#272a2d", "#2e3135", "#363a3f",
        "#43484e", "#5a6169", "#696e77", "#777b84", "#b0b4ba", "#edeef0",
    ),
    "sage": (
        "#101211", "#171918", "#202221", "#272a29", "#2e3130", "#373b39",
        "#444947", "#5b625f", "#63706b", "#717d79", "#adb5b2", "#eceeed",
    ),
    "olive": (
        "#111210", "#181917", "#212220", "#282a27", "#2f312e", "#383a36",
        "#454843", "#5c625b", "#687066", "#767d74", "#afb5ad", "#eceeec",
    ),
    "sand": (
        "#111110", "#191918", "#222221", "#2a2a28", "#31312e", "#3b3a37",
        "#494844", "#62605b", "#6f6d66", "#7c7b74", "#b5b3ad", "#eeeeec",
    ),
    "gold": (
        "#121211", "#1b1a17", "#24231f", "#2d2b26", "#38352e", "#444039",
        "#544f46", "#696256", "#978365", "#a39073", "#cbb99f", "#e8e2d9",
    ),
    "bronze": (
        "#141110", "#1c1917", "#262220", "#302a27", "#3b3330", "#493e3a",
        "#5a4c47", "#6f5f58", "#a18072", "#ae8c7e", "#d4b3a5", "#ede0d9",
    ),
    "brown": (
        "#12110f", "#1c1816", "#28211d", "#322922", "#3e3128", "#4d3c2f",
        "#614a39", "#7c5f46", "#ad7f58", "#b88c67", "#dbb594", "#f2e1ca",
    ),
    "yellow": (
        "#14120b", "#1b180f", "#2d2305", "#362b00", "#433500", "#524202",
        "#665417", "#836a21", "#ffe629", "#ffff57", "#f5e147", "#f6eeb4",
    ),
    "amber": (
        "#16120c", "#1d180f", "#302008", "#3f2700", "#4d3000", "#5c3d05",
        "#714f19", "#8f6424", "#ffc53d", "#ffd60a", "#ffca16", "#ffe7b3",
    ),
    "orange": (
        "#17120e", "#1e160f", "#331e0b", "#462100", "#562800", "#66350c",
        "#7e451d", "#a35829", "#f76b15", "#ff801f", "#ffa057", "#ffe0c2",
    ),
    "tomato": (
        "#181111", "#1f1513", "#391714", "#4e1511", "#5e1c16", "#6e2920",
        "#853a2d", "#ac4d39", "#e54d2e", "#ec6142", "#ff977d", "#fbd3cb",
    ),
    "red": (
        "#191111", "#201314", "#3b1219", "#500f1c", "#611623", "#72232d",
        "#8c333a", "#b54548", "#e5484d", "#ec5d5e", "#ff9592", "#ffd1d9",
    ),
    "ruby": (
        "#191113", "#1e1517", "#3a141e", "#4e1325", "#5e1a2e", "#6f2539",
        "#883447", "#b3445a", "#e54666", "#ec5a72", "#ff949d", "#fed2e1",
    ),
    "crimson": (
        "#191114", "#201318", "#381525", "#4d122f", "#5c1839", "#6d2545",
        "#873356", "#b0436e", "#e93d82", "#ee518a", "#ff92ad", "#fdd3e8",
    ),
    "pink": (
        "#191117", "#21121d", "#37172f", "#4b143d", "#591c47", "#692955",
        "#833869", "#a84885", "#d6409f", "#de51a8", "#ff8dcc", "#fdd1ea",
    ),
    "plum": (
        "#181118", "#201320", "#351a35", "#451d47", "#512454", "#5e3061",
        "#734079", "#92549c", "#ab4aba", "#b658c4", "#e796f3", "#f4d4f4",
    ),
    "purple": (
        "#18111b", "#1e1523", "#301c3b", "#3d224e", "#48295c", "#54346b",
        "#664282", "#8457aa", "#8e4ec6", "#9a5cd0", "#d19dff", "#ecd9fa",
    ),
    "violet": (
        "#14121f", "#1b1525", "#291f43", "#33255b", "#3c2e69", "#473876",
        "#56468b", "#6958ad", "#6e56cf", "#7d66d9", "#baa7ff", "#e2ddfe",
    ),
    "iris": (
        "#13131e", "#171625", "#202248", "#262a65", "#303374", "#3d3e82",
        "#4a4a95", "#5958b1", "#5b5bd6", "#6e6ade", "#b1a9ff", "#e0dffe",
    ),
    "indigo": (
        "#11131f", "#141726", "#182449", "#1d2e62", "#253974", "#304384",
        "#3a4f97", "#435db1", "#3e63dd", "#5472e4", "#9eb1ff", "#d6e1ff",
    ),
    "blue": (
        "#0d1520", "#111927", "#0d2847", "#003362", "#004074", "#104d87",
        "#205d9e", "#2870bd", "#0090ff", "#3b9eff", "#70b8ff", "#c2e6ff",
    ),
    "cyan": (
        "#0b161a", "#101b20", "#082c36", "#003848", "#004558", "#045468",
        "#12677e", "#11809c", "#00a2c7", "#23afd0", "#4ccce6", "#b6ecf7",
    ),
    "teal": (
        "#0d1514", "#111c1b", "#0d2d2a", "#023b37", "#084843", "#145750",
        "#1c6961", "#207e73", "#12a594", "#0eb39e", "#0bd8b6", "#adf0dd",
    ),
    "jade": (
        "#0d1512", "#121c18", "#0f2e22", "#0b3b2c", "#114837", "#1b5745",
        "#246854", "#2a7e68", "#29a383", "#27b08b", "#1fd8a4", "#adf0d4",
    ),
    "green": (
        "#0e1512", "#121b17", "#132d21", "#113b29", "#174933", "#20573e",
        "#28684a", "#2f7c57", "#30a46c", "#33b074", "#3dd68c", "#b1f1cb",
    ),
    "grass": (
        "#0e1511", "#141a15", "#1b2a1e", "#1d3a24", "#25482d", "#2d5736",
        "#366740", "#3e7949", "#46a758", "#53b365", "#71d083", "#c2f0c2",
    ),
    "lime": (
        "#11130c", "#151a10", "#1f2917", "#29371d", "#334423", "#3d522a",
        "#496231", "#577538", "#bdee63", "#d4ff70", "#bde56c", "#e3f7ba",
    ),
    "mint": (
        "#0e1515", "#0f1b1b", "#092c2b", "#003a38", "#004744", "#105650",
        "#1e685f", "#277f70", "#86ead4", "#a8f5e5", "#58d5ba", "#c4f5e1",
    ),
    "sky": (
        "#0d141f", "#111a27", "#112840", "#113555", "#154467", "#1b537b",
        "#1f6692", "#197cae", "#7ce2fe", "#a8eeff", "#75c7f0", "#c2f3ff",
    ),
}
