"""The delivery rules file in the data folder: written on first use, edited by the actor."""

from __future__ import annotations

import json
from pathlib import Path

from rehearsal.speech.delivery_file import load_direction_table
from rehearsal.speech.direction import DirectionTable


def test_first_use_writes_the_default_rules_for_editing(tmp_path: Path) -> None:
    path = tmp_path / "delivery.json"
    table, problem = load_direction_table(path)
    assert problem is None
    assert table == DirectionTable()
    written = json.loads(path.read_text(encoding="utf-8"))
    assert "whisper" in " ".join(written["deliveries"])


def test_an_edited_rule_changes_the_delivery(tmp_path: Path) -> None:
    path = tmp_path / "delivery.json"
    load_direction_table(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["deliveries"]["mumbling"] = {"rate": 0.8, "volume": 0.4, "pitch": -5}
    path.write_text(json.dumps(data), encoding="utf-8")
    table, problem = load_direction_table(path)
    assert problem is None
    delivery = table.delivery_for("(mumbling)")
    assert delivery.volume == 0.4
    assert delivery.rate == 0.8


def test_a_broken_file_falls_back_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "delivery.json"
    path.write_text('{"deliveries": {"shout": {"rate": "fast"}}', encoding="utf-8")
    table, problem = load_direction_table(path)
    assert table == DirectionTable()
    assert problem is not None
    assert str(path) in problem
