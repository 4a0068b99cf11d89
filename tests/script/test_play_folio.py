"""First Folio layouts: abbreviated speakers indented two or three spaces, each speech a
paragraph, abbreviations that are also English words (``And.`` Andrew, ``To.`` Toby).

Every excerpt is written for these tests in the layouts old-spelling etexts use; the rule
under test comes from the layout (where a file puts its cues), not from a list of words.
"""

from __future__ import annotations

from rehearsal.script.import_text import import_play_text
from rehearsal.script.model import Script
from rehearsal.script.play_layout import abbreviation_cue, looks_like_name, parse_cue
from tests.script.support.views import actions, speeches


def said(script: Script) -> list[tuple[str, str]]:
    """(speaker, whole speech) pairs, for layouts whose speeches carry no directions."""
    return [(d.character, " ".join(p.text for p in d.parts)) for d in script.dialogues()]


# Cues at two spaces when the speech follows the last without a gap, at three after a blank
# line; the speech's own lines flush left, often without a closing stop.
MIXED_INDENTS = """\
The Comedie of the Lanterne

Actus Primus. Scoena Prima.

Enter Sir Toby, Sir Andrew, and Maria.

  To. What a coile is heere with candles, and not one lit
to see the Lady by

   And. Blesse you faire Maria

   Mar. And you too sir.
  To. Accost Sir Andrew, accost

   And. What's that?
  To. My Neeces Chamber-woman

   And. Good Mistris accost, I desire better acquaintance
  Mar. My name is Mary sir.
  And. Good mistris Mary, accost

   To. You mistake knight: Accost, is front her, boord her,
woo her, assayle her

   And. By my troth I would not vndertake her in this
company. Is that the meaning of Accost?
  Mar. Far you well Gentlemen.
Exit Maria.

  To. And thou let part so Sir Andrew, would thou mightst
neuer draw sword agen

   And. Neuer in your life I thinke, vnlesse you see Canarie
put me downe

Enter a Lanterne-bearer.

  Lan. Sir, the Lady calls for lights

   To. Let her call, and the candles answer
  And. I'le home to morrow sir Toby.
   Cap. Peace, the Captaine of the Watch

Exeunt.
"""


def test_mixed_two_and_three_space_cues_with_english_word_abbreviations() -> None:
    script = import_play_text(MIXED_INDENTS)
    assert script.title == "The Comedie of the Lanterne"
    assert script.characters == ["TO", "AND", "MAR", "LAN", "CAP"]
    assert said(script) == [
        ("TO", "What a coile is heere with candles, and not one lit to see the Lady by"),
        ("AND", "Blesse you faire Maria"),
        ("MAR", "And you too sir."),
        ("TO", "Accost Sir Andrew, accost"),
        ("AND", "What's that?"),
        ("TO", "My Neeces Chamber-woman"),
        ("AND", "Good Mistris accost, I desire better acquaintance"),
        ("MAR", "My name is Mary sir."),
        ("AND", "Good mistris Mary, accost"),
        ("TO", "You mistake knight: Accost, is front her, boord her, woo her, assayle her"),
        ("AND", "By my troth I would not vndertake her in this company. "
         "Is that the meaning of Accost?"),
        ("MAR", "Far you well Gentlemen. Exit Maria."),
        ("TO", "And thou let part so Sir Andrew, would thou mightst neuer draw sword agen"),
        ("AND", "Neuer in your life I thinke, vnlesse you see Canarie put me downe"),
        ("LAN", "Sir, the Lady calls for lights"),
        ("TO", "Let her call, and the candles answer"),
        ("AND", "I'le home to morrow sir Toby."),
        ("CAP", "Peace, the Captaine of the Watch"),
    ]  # fmt: skip
    assert speeches(script)[11] == (
        "MAR", [("speec", "Far you well Gentlemen."), ("paren", "Exit Maria.")]
    )  # fmt: skip
    assert actions(script) == [
        "Enter Sir Toby, Sir Andrew, and Maria.", "Enter a Lanterne-bearer.", "Exeunt.",
    ]  # fmt: skip


# Every cue three spaces in, every speech a paragraph of its own; "Will" and "Art" are
# English words as well as names.
THREE_SPACES = """\
Actus Secundus. Scena Prima.

Enter Will the Porter, Art his man, and Nan.

   Will. Art, where is the key I gaue thee to keepe?
I left it with thee at the Tauerne doore

   Art. I haue it not sir, I gaue it Nan

   Nan. Not I, by this light: I neuer touch'd it

   Will. Then some Spirit hath it, or the Cat

   Art. The Cat sir? what should a Cat do with a key?

   Will. Open the Dairy, and be hang'd for it

   Nan. I will looke in the Buttery

Exit Nan.

   Art. So, she is gone. Now sir, the key is in your
pocket, I saw you put it there

   Will. Peace knaue, I know it, but she must not

Exeunt.
"""


def test_three_space_cues_each_speech_a_paragraph() -> None:
    script = import_play_text(THREE_SPACES)
    assert script.characters == ["WILL", "ART", "NAN"]
    assert said(script) == [
        ("WILL", "Art, where is the key I gaue thee to keepe? "
         "I left it with thee at the Tauerne doore"),
        ("ART", "I haue it not sir, I gaue it Nan"),
        ("NAN", "Not I, by this light: I neuer touch'd it"),
        ("WILL", "Then some Spirit hath it, or the Cat"),
        ("ART", "The Cat sir? what should a Cat do with a key?"),
        ("WILL", "Open the Dairy, and be hang'd for it"),
        ("NAN", "I will looke in the Buttery"),
        ("ART", "So, she is gone. Now sir, the key is in your pocket, I saw you put it there"),
        ("WILL", "Peace knaue, I know it, but she must not"),
    ]  # fmt: skip
    assert actions(script) == [
        "Enter Will the Porter, Art his man, and Nan.",
        "Exit Nan.",
        "Exeunt.",
    ]


# Two-space cues, one-line speeches: only the directions at the margin show that the
# cues have an indent of their own. A short side, both speakers English words.
TWO_SPACES_SHORT_SIDE = """\
Scoena Quarta.

Enter Toby and Andrew.

  To. Sir Andrew, are you merrie to night?
  And. As a cricket sir

  To. Then drinke, and be merrier
  And. I cannot, I am full already

Exeunt.
"""


def test_two_space_cues_in_a_short_side_of_english_word_abbreviations() -> None:
    script = import_play_text(TWO_SPACES_SHORT_SIDE)
    assert said(script) == [
        ("TO", "Sir Andrew, are you merrie to night?"),
        ("AND", "As a cricket sir"),
        ("TO", "Then drinke, and be merrier"),
        ("AND", "I cannot, I am full already"),
    ]
    assert script.warnings == []


# The indentation lost (cues flush with the speech): a speech after a blank line that starts
# with a recurring abbreviation of a name the play uses is a new speech.
FLUSH_CUES = """\
Scena Tertia.

Enter Andrew, Isabel and Corin.

And. Good morrow sweet Isabel, is your Father home?

Is. He is abroad sir, at the Mill.

Cor. And will be this houre.

And. Then I will stay for him,
and keepe you company the while.

Is. You may stay sir, but not for me.
And. Whom then?
Is. For the Mill, it will want grinding.

Cor. She hath you there.

Exeunt.
"""


def test_flush_cues_after_blank_lines_that_abbreviate_an_entering_name() -> None:
    script = import_play_text(FLUSH_CUES)
    assert said(script) == [
        ("AND", "Good morrow sweet Isabel, is your Father home?"),
        ("IS", "He is abroad sir, at the Mill."),
        ("COR", "And will be this houre."),
        ("AND", "Then I will stay for him, and keepe you company the while."),
        ("IS", "You may stay sir, but not for me."),
        ("AND", "Whom then?"),
        ("IS", "For the Mill, it will want grinding."),
        ("COR", "She hath you there."),
    ]


# -- what must stay speech -----------------------------------------------------------------


def test_a_word_with_a_stop_inside_a_speech_stays_speech_without_the_layout() -> None:
    # Cues flush with their speech and no name the word could shorten: "And." and "So."
    # starting a paragraph are the speaker going on.
    text = (
        "HELEN. I waited.\n\nAnd. I waited more.\nMARK. Why?\nHELEN. Because.\n\n"
        "And. Because again.\nMARK. So.\nHELEN. So. That is all.\n"
    )
    script = import_play_text(text)
    assert [name for name, _ in said(script)] == ["HELEN", "MARK", "HELEN", "MARK", "HELEN"]
    assert "AND" not in script.characters


def test_title_case_words_at_the_margin_need_a_name_to_shorten() -> None:
    # A title-case file with cues flush: "Well." twice after blank lines is the speaker.
    text = (
        "Enter Marian and Hugh.\n\nMar. I said it.\n\nWell. I meant it.\nHugh. Did you?\n"
        "Mar. I did.\n\nWell. Perhaps.\nHugh. Perhaps.\nMar. Yes.\nHugh. No.\n"
    )
    script = import_play_text(text)
    assert "WELL" not in script.characters
    assert said(script)[0] == ("MAR", "I said it. Well. I meant it.")


def test_lines_at_the_speech_margin_of_an_indented_file_are_not_cues() -> None:
    # Cues at two spaces; the flush "And." lines are verse of the speech, not speakers.
    text = (
        "Enter Andrew and Toby.\n\n  To. Come, sir.\nAnd. so I will.\n  And. I come.\n"
        "  To. Then come.\nAnd. so it ends.\n  And. It does.\n"
    )
    script = import_play_text(text)
    assert said(script) == [
        ("TO", "Come, sir. And. so I will."),
        ("AND", "I come."),
        ("TO", "Then come. And. so it ends."),
        ("AND", "It does."),
    ]


def test_abbreviation_cue_takes_one_word_whatever_it_means() -> None:
    cue = abbreviation_cue("And. Blesse you faire Shrew")
    assert cue is not None
    assert (cue.key, cue.sep, cue.rest) == ("AND", ".", "Blesse you faire Shrew")
    assert abbreviation_cue("Exit. Then more") is None
    assert abbreviation_cue("I. alone") is None
    assert abbreviation_cue("and. lower case") is None
    assert abbreviation_cue("Two words. Then") is None


def test_a_full_stop_inside_a_name_means_the_name_ended_there() -> None:
    assert not looks_like_name("And. Sir Toby Belch", ".")
    assert looks_like_name("Mrs. Ellis", ":")
    assert looks_like_name("J.R. Hartley", ":")
    cue = parse_cue("And. Sir Toby Belch. How now sir Toby Belch?")
    assert cue is None


# Speakers named by their rank, numbered when there are several: "Lord" and "Sen" (a
# senator, though "Sen." is also an honorific) and "1.Sen." heard once.
RANKS_AND_NUMBERS = """\
Enter Duke, Senators, and a Lord.

  Duke. What newes from the Gallies? speake it plaine,
And speake it short

   1.Sen. They number thirty, by my Letters

   Sen. And mine say forty, and all bound for Cyprus
  Duke. Then some of vs are wrong

   Sen. Or all of vs:
The Sea keepes no accompt
  Lord. A Messenger my Lord, from the Harbour

   Duke. Bring him in.
  2. Lord. He is here already

   Sen. Then let vs heare him
  Lord. He saies the Fleete is turn'd
"""


def test_rank_names_and_numbered_speakers_at_the_cue_indent() -> None:
    script = import_play_text(RANKS_AND_NUMBERS)
    assert said(script) == [
        ("DUKE", "What newes from the Gallies? speake it plaine, And speake it short"),
        ("1.SEN", "They number thirty, by my Letters"),
        ("SEN", "And mine say forty, and all bound for Cyprus"),
        ("DUKE", "Then some of vs are wrong"),
        ("SEN", "Or all of vs: The Sea keepes no accompt"),
        ("LORD", "A Messenger my Lord, from the Harbour"),
        ("DUKE", "Bring him in."),
        ("2. LORD", "He is here already"),
        ("SEN", "Then let vs heare him"),
        ("LORD", "He saies the Fleete is turn'd"),
    ]


def test_a_numbered_speaker_is_a_name_a_numbered_sentence_is_not() -> None:
    assert looks_like_name("1.Sen", ".")
    assert looks_like_name("2. Lord", ".")
    assert looks_like_name("12. Citizen", ".")
    assert not looks_like_name("2. then", ".")
    cue = abbreviation_cue("1.Sen. They number thirty")
    assert cue is not None
    assert (cue.key, cue.rest) == ("1.SEN", "They number thirty")


def test_a_word_that_shortens_the_speakers_own_name_is_the_speaker_going_on() -> None:
    # "No." could abbreviate Nora, but it follows Nora's own speech: nobody answers themselves.
    text = (
        "Enter Nora and Helmer.\n\nNora. I told you once.\n\nNo. I will not say it twice.\n"
        "Helmer. Then do not.\nNora. I shall not.\n\nNo. Not again.\nHelmer. Good.\n"
        "Nora. Good night.\nHelmer. Good night.\n"
    )
    script = import_play_text(text)
    assert script.characters == ["NORA", "HELMER"]
    assert said(script)[0] == ("NORA", "I told you once. No. I will not say it twice.")
