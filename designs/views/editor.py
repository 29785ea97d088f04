"""The editor on a design system's page: a form holding the whole intent (with a lock for each part), and
what the page shows for an intent: its tokens, report and four variations.

With JavaScript the page previews every change through `POST /api/preview` (static/js/editor.js); without
it the form posts to `design_system_edit`, which previews, takes a variation or saves through the same
services. Both ask the engine to validate: an intent the engine refuses comes back as field errors here.
"""

import contextlib
import json

from django import forms

from designforge.errors import DomainError

from .. import services
from ..engine import INTENT_FIELDS, LOCKABLE, build_report, intent_from_tokens
from ..engine.fonts import PAIRINGS, font_families
from ..engine.intent import TYPE_SCALE_STOPS
from ..errors import InvalidInput
from .specimen import declarations, pane_style

VARIATIONS = (1, 2, 3, 4)

LABELS = {
    "primary": "Primary",
    "secondary": "Secondary",
    "accent": "Accent",
    "harmony": "Harmony",
    "vibrancy": "Vibrancy",
    "neutral": "Neutral tint",
    "font_pairing": "Font pairing",
    "type_scale": "Type scale",
    "base_size": "Base size (px)",
    "density": "Density",
    "roundness": "Roundness",
    "shadow_depth": "Shadow depth",
}
CHOICE_LABELS = {
    "harmony": {
        "analogous": "Analogous: neighbouring hues",
        "complementary": "Complementary: the opposite hue as accent",
        "split-complementary": "Split-complementary: beside the opposite",
        "triadic": "Triadic: three even hues",
        "monochrome": "Monochrome: one hue, several shades",
    },
    "neutral": {"brand": "Brand-tinted", "warm": "Warm", "cool": "Cool", "pure": "Pure grey"},
    "density": {"compact": "Compact", "comfortable": "Comfortable", "spacious": "Spacious"},
}
HINTS = {
    "secondary": "Empty: derived from the primary through the harmony.",
    "accent": "Empty: derived from the primary through the harmony.",
    "vibrancy": "How saturated the derived and status colours are.",
}
#: The controls in groups, as the page shows them; a group is shown when the design system has its sections.
GROUPS = (
    ("colours", "Colour", ("primary", "secondary", "accent", "harmony", "vibrancy", "neutral"), {"colors", "themes"}),
    ("type", "Type", ("font_pairing", "type_scale", "base_size"), {"typography"}),
    ("shape", "Space and shape", ("density", "roundness", "shadow_depth"), {"spacing", "radii", "shadows"}),
)


def _type_scale_choices(current=None) -> list[tuple[str, str]]:
    stops = {f"{ratio:g}": f"{ratio:g} · {name}" for name, ratio in TYPE_SCALE_STOPS.items()}
    if current is not None and f"{current:g}" not in stops:
        stops[f"{current:g}"] = f"{current:g} · your own"
    return sorted(stops.items(), key=lambda item: float(item[0]))


def _form_field(name: str, spec) -> forms.Field:
    label = LABELS[name]
    if spec.kind in ("colour", "optional colour"):
        # Checked by the engine, as for the API (a bad colour comes back as this field's error).
        return forms.CharField(label=label, max_length=7, required=spec.kind == "colour",
                               help_text=HINTS.get(name, ""))
    if spec.kind == "choice":
        names = CHOICE_LABELS.get(name, {})
        if name == "font_pairing":
            names = {key: f"{PAIRINGS[key].heading} & {PAIRINGS[key].body}" for key in spec.choices}
        return forms.ChoiceField(label=label, choices=[(choice, names.get(choice, choice)) for choice in spec.choices])
    if spec.kind == "integer":
        return forms.IntegerField(label=label, min_value=spec.low, max_value=spec.high)
    return forms.FloatField(label=label, min_value=spec.low, max_value=spec.high, help_text=HINTS.get(name, ""))


class IntentForm(forms.Form):
    """Every intent field (ranges and choices from the engine's own description) and the locks."""

    locks = forms.MultipleChoiceField(choices=[(name, name) for name in LOCKABLE], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, spec in INTENT_FIELDS.items():
            self.fields[name] = _form_field(name, spec)
        current = self.data.get("type_scale") if self.is_bound else self.initial.get("type_scale")
        try:
            current = float(current) if current not in (None, "") else None
        except ValueError:
            current = None
        self.fields["type_scale"].widget = forms.Select(choices=_type_scale_choices(current))

    def _clean_colour(self, name: str):
        value = self.cleaned_data.get(name, "").strip()
        if not value:
            return None
        return value if value.startswith("#") else f"#{value}"

    def clean_primary(self):
        return self._clean_colour("primary")

    def clean_secondary(self):
        return self._clean_colour("secondary")

    def clean_accent(self):
        return self._clean_colour("accent")

    def intent(self) -> dict:
        return {name: self.cleaned_data[name] for name in INTENT_FIELDS}

    def locked(self) -> list[str]:
        return list(self.cleaned_data.get("locks", []))

    def current(self) -> tuple[dict, list[str]] | None:
        """(intent, locks) the form holds: its initial values, or its cleaned ones once bound; None while
        it has errors."""
        if not self.is_bound:
            return {name: self.initial[name] for name in INTENT_FIELDS}, list(self.initial.get("locks", []))
        return (self.intent(), self.locked()) if self.is_valid() else None

    def add_engine_errors(self, error: InvalidInput) -> None:
        """The engine's messages (`intent.<field>` or `locks`) on the fields they name."""
        for path, problems in error.details.items():
            field = path.removeprefix("intent.")
            target = field if field in self.fields else None
            for problem in problems:
                self.add_error(target, f"{LABELS.get(field, field.capitalize())} {problem}.")


def saved_intent(design_system) -> dict:
    """The intent the saved design system stands for: its own, or one read from its raw tokens."""
    return design_system.intent or intent_from_tokens(design_system.tokens).to_dict()


def initial_form(design_system) -> IntentForm:
    return IntentForm(initial={**saved_intent(design_system), "locks": []})


def form_for(intent: dict, locks) -> IntentForm:
    return IntentForm(initial={**intent, "locks": list(locks)})


def kept_sections(design_system, tokens: dict) -> dict:
    """What saving would keep of `tokens`: a design system made from an intent keeps its kind (colours only
    stay colours only); one saved from raw tokens becomes a whole design system."""
    if not design_system.intent:
        return tokens
    return {section: value for section, value in tokens.items() if section in design_system.tokens}


def shown(design_system, result: dict) -> tuple[dict, dict]:
    """(tokens, report) of a preview as this design system would save it."""
    tokens = kept_sections(design_system, result["tokens"])
    report = result["report"] if tokens == result["tokens"] else build_report(tokens)
    return tokens, report


def variation_summary(intent: dict) -> str:
    pairing = PAIRINGS[intent["font_pairing"]]
    return f"{intent['harmony'].replace('-', ' ').capitalize()} · {pairing.heading} & {pairing.body}"


def variations(*, intent: dict, locks, requester: str) -> tuple[list[dict], str]:
    """The four variations of `intent` (respecting `locks`) as small previews, or none and the reason."""
    found = []
    try:
        for number in VARIATIONS:
            result = services.preview_run(intent=intent, requester=requester, variant_number=number, locks=locks)
            found.append({
                "number": number,
                "intent": json.dumps(result["intent"]),
                "summary": variation_summary(result["intent"]),
                "style": pane_style(result["tokens"], "light"),
                "colours": [result["tokens"]["themes"]["light"][name] for name in ("primary", "secondary", "accent")],
            })
    except DomainError as error:
        return [], error.message
    return found, ""


#: Slider steps of the numbers.
STEPS = {"vibrancy": 0.01, "roundness": 0.01, "shadow_depth": 0.01, "base_size": 1}


def _shown_value(name: str, value) -> str:
    """A field's value as its control writes it (a type scale as its option does: 1.25, not 1.250)."""
    text = "" if value is None else str(value)
    if name == "type_scale" and text:
        with contextlib.suppress(ValueError):
            return f"{float(text):g}"
    return text


def _control(form: IntentForm, name: str, locked: set[str], light: dict) -> dict:
    spec = INTENT_FIELDS[name]
    if name == "font_pairing":
        widget = "pairing"
    elif name == "type_scale" or spec.kind == "choice":
        widget = "select"
    elif spec.kind in ("colour", "optional colour"):
        widget = "colour"
    else:
        widget = "range"
    value = _shown_value(name, form[name].value())
    choices = []
    if widget == "select":
        choices = [(str(choice), label, str(choice) == value) for choice, label in form.fields[name].widget.choices]
    described = [f"hint-{name}"] if form.fields[name].help_text else []
    described += [f"error-{name}"] if form[name].errors else []
    return {
        "name": name,
        "field": form[name],
        "widget": widget,
        "describedby": " ".join(described),
        "optional": spec.kind == "optional colour",
        "value": value,
        # What the colour picker shows: the colour itself, or the one the harmony derives when it is empty.
        "picked": value or light.get(name, ""),
        "choices": choices,
        "locked": name in locked,
        "min": spec.low,
        "max": spec.high,
        "step": STEPS.get(name),
    }


def control_groups(form: IntentForm, tokens: dict) -> list[dict]:
    """The form's controls in their groups; a group the design system has no sections for is kept hidden
    (its values still go with the form, so the intent stays whole)."""
    present = set(tokens)
    locked = set(form["locks"].value() or [])
    light = tokens.get("themes", {}).get("light", {})
    return [
        {"key": key, "title": title, "controls": [_control(form, name, locked, light) for name in names],
         "shown": bool(present & sections)}
        for key, title, names, sections in GROUPS
    ]


def pairing_options(form: IntentForm) -> list[dict]:
    """Each font pairing with its families, so each option is drawn in its own typeface."""
    current = form["font_pairing"].value()
    return [
        {"key": key, "heading": pairing.heading, "body": pairing.body, "description": pairing.description,
         "checked": key == current,
         "heading_style": declarations([("font-family", font_families(key)["heading"]["stack"])]),
         "body_style": declarations([("font-family", font_families(key)["body"]["stack"])])}
        for key, pairing in PAIRINGS.items()
    ]
