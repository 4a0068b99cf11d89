"""Final Draft: minimal ``.fdx`` documents built from paragraphs, and the view of speeches.

Each test writes only the paragraphs it is about; :func:`fdx` puts the XML declaration and
the ``<FinalDraft><Content>`` frame around them as Final Draft saves it.
"""

from __future__ import annotations

from rehearsal.script.model import Script


def fdx(
    body: str, extra: str = "", declaration: str = '<?xml version="1.0" encoding="UTF-8"?>'
) -> bytes:
    """A minimal Final Draft document around ``body`` (the inside of ``<Content>``)."""
    return (
        f'{declaration}\n<FinalDraft DocumentType="Script" Template="No" Version="5">\n'
        f"<Content>\n{body}\n</Content>\n{extra}</FinalDraft>\n"
    ).encode()


def para(kind: str, *runs: str, attrs: str = "") -> str:
    texts = "".join("<Text/>" if run == "" else f"<Text>{run}</Text>" for run in runs)
    return f'<Paragraph Type="{kind}"{attrs}>{texts}</Paragraph>'


def speeches(script: Script) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each speech as (character, [(the part's full kind name, text)])."""
    return [(d.character, [(p.kind.value, p.text) for p in d.parts]) for d in script.dialogues()]
