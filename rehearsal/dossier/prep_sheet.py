"""The prep sheet: an audition's dossier as Markdown (to keep) and as HTML (for the PDF).

Both leave out what the actor has not filled in, so the sheet stays on one page and reads
as notes rather than a form. The printable character worksheet is the exception: it keeps
every question, with room to write by hand under the blank ones.

Text the actor typed is Markdown; in the HTML it is rendered by markdown-it with raw HTML
and images switched off, so a pasted ``<script>`` or a link to a local file stays text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, tzinfo

from markdown_it import MarkdownIt

from rehearsal.store.dossier_records import (
    GIVEN_CIRCUMSTANCES,
    OUTCOME_NAMES,
    RESEARCH_FIELDS,
    ROUND_NAMES,
    AuditionDossier,
    AuditionRound,
)

Field = tuple[str, str]
"""(label, value) as the sheet shows it."""

PHOTO_RESOURCE = "rehearsal-wardrobe-photo"
"""The name the wardrobe photo goes by in the HTML; the PDF writer supplies the picture.

The sheet never names a file in an ``<img>``: the document would load whatever path the
HTML said, and the writer, which reads the photo from the data folder, knows better."""

PHOTO_BOX = (240, 180)
"""The largest the photo is drawn, in CSS pixels (1/96 inch): about 6.4 x 4.8 cm."""

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable("image")

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 8pt 0 2pt 0; color: #333; }
h3 { font-size: 9.5pt; margin: 5pt 0 1pt 0; }
p { margin: 0 0 3pt 0; }
ul, ol { margin-top: 0; margin-bottom: 3pt; }
td { vertical-align: top; padding: 1pt 4pt 1pt 0; }
td.label { font-weight: bold; white-space: nowrap; }
.meta { color: #444; }
.blank { height: 34pt; }
"""


def _date(moment: datetime, tz: tzinfo | None) -> str:
    local = moment.astimezone(tz)
    return local.strftime("%A %d %B %Y, %H:%M").replace(" 0", " ", 1)


def _day(moment: datetime, tz: tzinfo | None) -> str:
    return moment.astimezone(tz).strftime("%d %b %Y").lstrip("0")


def title_of(dossier: AuditionDossier) -> str:
    """ "Night Shift — Nina": the sheet's heading and the exported file's title."""
    details = dossier.audition.details
    role = details.role.strip()
    return f"{details.display_title} — {role}" if role else details.display_title


def suggested_file_stem(dossier: AuditionDossier) -> str:
    """A file name (without suffix) for exports: the title, safe on every platform."""
    allowed = [c if c.isalnum() or c in " -_" else " " for c in title_of(dossier)]
    stem = "-".join("".join(allowed).split()).strip("-")
    return (stem or "audition")[:80] + "-prep-sheet"


def _meta_line(dossier: AuditionDossier, tz: tzinfo | None) -> list[str]:
    details = dossier.audition.details
    parts = [ROUND_NAMES[details.round]]
    if details.scheduled_at is not None:
        parts.append(_date(details.scheduled_at, tz))
    if details.location.strip():
        parts.append(" ".join(details.location.split()))
    lines = [" · ".join(parts)]
    if details.self_tape_deadline is not None:
        lines.append(f"Self-tape due {_date(details.self_tape_deadline, tz)}")
    return lines


def _team(dossier: AuditionDossier) -> list[Field]:
    details = dossier.audition.details
    return [
        ("Casting director", details.casting_director),
        ("Director", details.director),
        ("Writer", details.writer),
        ("Producers", details.producers),
        ("Agent", details.agent),
    ]


def _research(dossier: AuditionDossier) -> list[Field]:
    research = dossier.research
    return [(label, getattr(research, name)) for name, label in RESEARCH_FIELDS]


def _circumstances(dossier: AuditionDossier) -> list[Field]:
    worksheet = dossier.worksheet
    return [(label, getattr(worksheet, name)) for name, label in GIVEN_CIRCUMSTANCES]


def _relationships(dossier: AuditionDossier) -> list[Field]:
    return [(r.character, r.notes) for r in dossier.relationships]


def fit_within(width: int, height: int, box: tuple[int, int] = PHOTO_BOX) -> tuple[int, int]:
    """``width`` x ``height`` scaled down (never up) to fit ``box``, the aspect kept."""
    if width <= 0 or height <= 0:
        return box
    scale = min(box[0] / width, box[1] / height, 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _wardrobe(dossier: AuditionDossier, *, photo: bool = True) -> list[Field]:
    wardrobe = dossier.wardrobe
    fields = [("First round", wardrobe.first_round_outfit)]
    if wardrobe.first_round_photo and photo:
        fields.append(("Photo", wardrobe.first_round_photo))
    fields += [
        ("Callback", wardrobe.callback_outfit),
        ("Stay consistent", wardrobe.consistency_note),
    ]
    return fields


def _follow_up(dossier: AuditionDossier, tz: tzinfo | None) -> list[Field]:
    state = dossier.audition.follow_up
    if state.thank_you_sent_at is not None:
        thanks = f"sent {_day(state.thank_you_sent_at, tz)}"
    elif state.dismissed_at is not None:
        thanks = "not sending one"
    else:
        thanks = "not sent yet"
    fields = [("Outcome", OUTCOME_NAMES[state.outcome]), ("Thank-you note", thanks)]
    if dossier.sessions:
        rated = [s.mean_rating for s in dossier.sessions if s.mean_rating is not None]
        text = f"{len(dossier.sessions)} session{'s' if len(dossier.sessions) != 1 else ''}"
        days = sorted({_day(s.started_at, tz) for s in dossier.sessions})
        text += f" ({', '.join(days[:6])}{', …' if len(days) > 6 else ''})"
        if rated:
            text += f", mean self-rating {sum(rated) / len(rated):.1f}"
        fields.append(("Rehearsed", text))
    if dossier.checkins:
        last = dossier.checkins[-1]
        text = f"energy {last.energy}, focus {last.focus}"
        if last.intention:
            text += f" — {last.intention}"
        fields.append(("Last check-in", text))
    return fields


def _filled(fields: Iterable[Field]) -> list[Field]:
    return [(label, value.strip()) for label, value in fields if value.strip()]


# Markdown --------------------------------------------------------------------------------


def _md_item(label: str, value: str) -> str:
    first, *rest = value.splitlines() or [""]
    colon = "" if label.endswith("?") else ":"
    lines = [f"- **{label}{colon}** {first}".rstrip()]
    lines += [f"  {line}".rstrip() for line in rest]
    return "\n".join(lines)


def _md_section(heading: str, fields: Iterable[Field]) -> list[str]:
    filled = _filled(fields)
    if not filled:
        return []
    return [heading, "", *(_md_item(label, value) for label, value in filled), ""]


def _md_text(heading: str, text: str) -> list[str]:
    return [heading, "", text.strip(), ""] if text.strip() else []


def render_markdown(dossier: AuditionDossier, tz: tzinfo | None = None) -> str:
    """The dossier as a Markdown document (times in ``tz``, local by default)."""
    details = dossier.audition.details
    lines = [f"# {title_of(dossier)}", ""]
    lines += [f"{line}  " for line in _meta_line(dossier, tz)]
    lines.append("")
    lines += _md_section("## The team", _team(dossier))
    if details.link_list:
        lines += ["**Links:**", "", *(f"- <{link}>" for link in details.link_list), ""]
    if dossier.scripts:
        lines += ["**Sides:** " + ", ".join(s.display_title for s in dossier.scripts), ""]
    research, notes = _filled(_research(dossier)), dossier.research.notes.strip()
    if research or notes:
        lines += ["## Research", ""]
        lines += [_md_item(label, value) for label, value in research]
        lines += ["", notes, ""]
    character: list[str] = []
    character += _md_section("### Given circumstances", _circumstances(dossier))
    character += _md_text("### Backstory", dossier.worksheet.backstory)
    character += _md_section("### Relationships", _relationships(dossier))
    character += _md_text("### Moment before", dossier.worksheet.moment_before)
    character += _md_text("### Beats", dossier.worksheet.beats)
    if character:
        lines += ["## Character", "", *character]
    lines += _md_section("## Wardrobe", _wardrobe(dossier))
    lines += _md_section("## Follow-up", _follow_up(dossier, tz))
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


# HTML ------------------------------------------------------------------------------------


def markdown_html(text: str) -> str:
    """The actor's Markdown as safe HTML (no raw HTML, no images)."""
    rendered: str = _MARKDOWN.render(text.strip())
    return rendered


def _value_html(value: str) -> str:
    if "\n" not in value.strip():
        return html.escape(value.strip())
    return markdown_html(value)


def _html_table(fields: Iterable[Field], keep_blank: bool = False) -> str:
    rows = []
    for label, value in fields:
        if not value.strip() and not keep_blank:
            continue
        cell = _value_html(value) if value.strip() else ""
        blank = ' class="blank"' if not value.strip() else ""
        rows.append(
            f'<tr><td class="label" width="24%">{html.escape(label)}</td>'
            f"<td{blank}>{cell}</td></tr>"
        )
    if not rows:
        return ""
    return '<table width="100%" cellspacing="0" cellpadding="1">' + "".join(rows) + "</table>"


def _html_text(heading: str, text: str, keep_blank: bool = False) -> str:
    if not text.strip():
        return f'<h3>{html.escape(heading)}</h3><p class="blank"></p>' if keep_blank else ""
    return f"<h3>{html.escape(heading)}</h3>{markdown_html(text)}"


def _document(title: str, body: str) -> str:
    return (
        '<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def _character_html(dossier: AuditionDossier, keep_blank: bool) -> str:
    parts = []
    circumstances = _html_table(_circumstances(dossier), keep_blank)
    if circumstances:
        parts.append(f"<h3>Given circumstances</h3>{circumstances}")
    parts.append(_html_text("Backstory", dossier.worksheet.backstory, keep_blank))
    relationships = _html_table(_relationships(dossier), keep_blank)
    if relationships:
        parts.append(f"<h3>Relationships</h3>{relationships}")
    parts.append(_html_text("Moment before", dossier.worksheet.moment_before, keep_blank))
    parts.append(_html_text("Beats", dossier.worksheet.beats, keep_blank))
    return "".join(parts)


def _photo_html(dossier: AuditionDossier, photo_size: tuple[int, int] | None) -> str:
    """The wardrobe photo's row: the picture, or the file named as missing."""
    photo = dossier.wardrobe.first_round_photo
    if not photo:
        return ""
    if photo_size is None:
        cell = f"{html.escape(photo)} (photo missing)"
    else:
        width, height = photo_size
        cell = f'<img src="{PHOTO_RESOURCE}" width="{width}" height="{height}">'
    return (
        '<table width="100%" cellspacing="0" cellpadding="1"><tr>'
        f'<td class="label" width="24%">Photo</td><td>{cell}</td></tr></table>'
    )


def render_html(
    dossier: AuditionDossier,
    tz: tzinfo | None = None,
    *,
    photo_size: tuple[int, int] | None = None,
) -> str:
    """The prep sheet as HTML for ``QTextDocument`` (the one-page PDF).

    ``photo_size`` is the wardrobe photo's size on the sheet (see :func:`fit_within`) when
    the writer has the picture as :data:`PHOTO_RESOURCE`; without it the sheet says the
    photo is missing.
    """
    details = dossier.audition.details
    title = title_of(dossier)
    body = [f"<h1>{html.escape(title)}</h1>"]
    body += [f'<p class="meta">{html.escape(line)}</p>' for line in _meta_line(dossier, tz)]
    team = _html_table(_team(dossier))
    if team:
        body.append(f"<h2>The team</h2>{team}")
    if details.link_list:
        links = "".join(
            f'<a href="{html.escape(link)}">{html.escape(link)}</a><br>'
            for link in details.link_list
        )
        body.append(f"<p><b>Links:</b><br>{links}</p>")
    if dossier.scripts:
        sides = ", ".join(s.display_title for s in dossier.scripts)
        body.append(f"<p><b>Sides:</b> {html.escape(sides)}</p>")
    research = _html_table(_research(dossier))
    if research or dossier.research.notes.strip():
        body.append(f"<h2>Research</h2>{research}")
        if dossier.research.notes.strip():
            body.append(markdown_html(dossier.research.notes))
    character = _character_html(dossier, keep_blank=False)
    if character:
        body.append(f"<h2>Character</h2>{character}")
    wardrobe = _html_table(_wardrobe(dossier, photo=False)) + _photo_html(dossier, photo_size)
    if wardrobe:
        body.append(f"<h2>Wardrobe</h2>{wardrobe}")
    if details.round in (AuditionRound.CALLBACK, AuditionRound.PRODUCER_SESSION):
        body.append(
            '<p class="meta"><i>Callback rule: they remember the person from the first '
            "round. Echo that look.</i></p>"
        )
    body.append(f"<h2>Follow-up</h2>{_html_table(_follow_up(dossier, tz))}")
    return _document(title, "".join(body))


def render_worksheet_html(dossier: AuditionDossier, tz: tzinfo | None = None) -> str:
    """The character worksheet alone, every question kept, for printing and writing on."""
    title = title_of(dossier)
    meta = "".join(f'<p class="meta">{html.escape(line)}</p>' for line in _meta_line(dossier, tz))
    body = f"<h1>Character worksheet: {html.escape(title)}</h1>{meta}"
    body += _character_html(dossier, keep_blank=True)
    return _document(f"Character worksheet: {title}", body)
