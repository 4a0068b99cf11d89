""" "Line?": asked by saying "line" while the partner waits; revealed words cost accuracy."""

from __future__ import annotations

import numpy as np
import pytest

from rehearsal.listen.audio import chunks
from rehearsal.listen.compare import Strictness, compare
from rehearsal.listen.models import find_model
from rehearsal.listen.pipeline import Listener
from rehearsal.listen.recognizer import Recognizer
from tests.listen.speech_audio import ESPEAK, LINE, LINE_HALVES, SCENE, silence, speak

VOICE = "en-us+m3"  # the voice whose "line" the general English model hears as "line"
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed")


def test_prompted_words_count_against_the_accuracy_even_when_said() -> None:
    said = compare("the keys are in the drawer", "the keys are in the drawer", Strictness.EXACT)
    assert said.accuracy == 1.0
    prompted = said.with_prompts({3, 4})
    assert [w.status for w in prompted.words] == ["ok", "ok", "ok", "prompted", "prompted", "ok"]
    assert prompted.accuracy == pytest.approx(4 / 6)
    assert prompted.differing() == ("?in", "?the")
    assert said.with_prompts(set()) is said


def test_differing_words_read_in_line_order_then_the_added_ones() -> None:
    result = compare("the keys are in the blue drawer", "the keys is in the drawer now", "exact")
    assert result.differing() == ("are>is", "-blue", "+now")
    assert result.said_up_to() == 7


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    model = find_model("en")
    assert model is not None
    return Recognizer(model)


def _feed(listener: Listener, samples: np.ndarray) -> None:
    for chunk in chunks(samples, 30):
        listener.feed(chunk)


@needs_espeak
def test_saying_line_asks_for_a_prompt_and_the_revealed_words_cost_accuracy(
    recognizer: Recognizer,
) -> None:
    # As in a rehearsal, the recogniser has already heard the actor on earlier lines (its
    # cepstral normalisation adapts to the voice); then the actor gets stuck on this one.
    for earlier in (LINE, SCENE[2]):
        warm = Listener(earlier, recognizer, scene_lines=SCENE)
        _feed(warm, np.concatenate([silence(0.5), speak(earlier, VOICE, 150), silence(0.8)]))
        warm.finish()
    listener = Listener(LINE, recognizer, scene_lines=SCENE)
    _feed(listener, np.concatenate([silence(0.5), speak(LINE_HALVES[0], VOICE, 150)]))
    _feed(listener, silence(1.2))  # a held beat: the actor is stuck
    assert listener.line_end.poll() is None
    _feed(listener, np.concatenate([speak("line", VOICE, 150), silence(0.8)]))
    assert listener.asked == 1
    assert "line" not in listener.heard
    shown = listener.prompt(3)
    written = LINE.replace(",", "").rstrip(".").split()
    start = written.index("already") + 1
    assert len(shown) == 3
    assert " ".join(shown) in " ".join(written[start:])  # the next words after those said
    _feed(listener, np.concatenate([speak(LINE_HALVES[1], VOICE, 150), silence(1.0)]))
    result = listener.finish()
    assert result.line_end is not None
    assert result.line_end.complete is True
    assert result.comparison is not None
    assert [result.comparison.words[i].word for i in sorted(listener.revealed)] == shown
    assert {result.comparison.words[i].status for i in listener.revealed} == {"prompted"}
    assert result.comparison.accuracy < compare(LINE, result.heard, "close").accuracy


def test_a_prompt_without_recognition_still_reveals_in_order() -> None:
    listener = Listener("Out where, John?", None)
    assert listener.prompt(2) == ["Out", "where"]
    assert listener.prompt(2) == ["John"]
    assert listener.prompt(2) == []
