<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AuditionTableModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casting director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tape due %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writer: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditionsWindow</name>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal — Auditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search auditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search project, role, casting, director, place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No auditions yet. New audition starts a dossier: the details and deadline, research, character work, wardrobe and the thank-you afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the audition: how are you arriving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before %s: how are you arriving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d of %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups (%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %s and its whole dossier (research, character work, wardrobe, thank-you note)?

The scripts and rehearsal sessions stay. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Could not save: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackPrep</name>
    <message>
        <source>&amp;Auditions…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CastingDelegate</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> wpm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s of %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (not installed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CastingDialog</name>
    <message>
        <source>Voices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voices and pronunciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the voice lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronunciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read parentheticals aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say directions such as “(whispering)” as well as acting them out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the voice of %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recast automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voices are kept with this script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respell words the voice gets wrong, as they should sound — “Siobhan” as “Shiv-awn”. They apply to every line of this script; Preview a character to hear a respelt name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronunciations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written, e.g. Siobhan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said as, e.g. Shiv-awn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to say it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the speech engine is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner cannot speak on this computer (%s), so voices cannot be chosen or previewed. Rate, pitch and volume are kept for when it can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech engine is starting; the voice lists appear in a moment. Rate, pitch and volume can be set now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every character a different voice again, replacing your choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the speech engine&apos;s voice list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice to preview: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear %s: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting %s&apos;s voice ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not preview %s: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s is speaking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not play %s: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CastingTableModel</name>
    <message>
        <source>Character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many words an offline speech recogniser understood, over 20 script lines spoken in this voice (measured by benchmarks/bench_voices.py). Clearer voices are cast first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s voices cannot change pitch; rate and volume apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only eSpeak NG voices have variants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d wpm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CharacterTab</name>
    <message>
        <source>Backstory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moment before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What just happened, a second ago?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One beat per line: what changes, and what I play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the sides on the first tab: every other character in them is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print worksheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship with %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (not in sides)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Rehearsal time per week (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal time per week — no sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time per script (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time per script — no timed lines yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-rating per note category (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-rating per note category — no ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal time per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time per script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-rating per note category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInChart</name>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins and self-ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins and self-ratings — no check-ins yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session self-rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-rating by how you checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-rating by check-in — no rated sessions after a check-in yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean self-rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins and self-ratings over time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you start: how are you arriving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line: what I want from this (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ocus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check-in could not be saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Rehearsal — Compare takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear the left take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear the right take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play both from the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space plays or pauses both; Tab switches the sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfidenceBar</name>
    <message>
        <source>Import check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revie&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the import check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 thing to check in this import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d things to check in this import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import is probably wrong: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Make {count} line(s) a cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {count} line(s) speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {count} line(s) a parenthetical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {count} line(s) action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {count} line(s) a scene heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {count} line(s) a transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {names} into {into}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split the speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join two speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave {count} line(s) out of the sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put {count} line(s) back into the sides</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountdownWidget</name>
    <message>
        <source>PREP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prep time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PERFORM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perform clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ten seconds left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CueDrillDialog</name>
    <message>
        <source>Pick up your cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In script order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of the cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target pickup in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner says only the cue before each of your lines. Come in as soon as you can: each pickup is shown against your target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cues:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target pickup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CueDrillRun</name>
    <message>
        <source>Your pickups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your lines has a cue from a partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pickups measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d of %d cues on target (%.1f s); mean pickup %.1f s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CuePickupBoard</name>
    <message>
        <source>“%s” — not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” — %.1f s ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” — %.1f s, %.1f s late</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineBanner</name>
    <message>
        <source>Self-tape deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the deadline notice until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the audition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Off Book By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date: ordinary spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an audition of these sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off book by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines are planned to be run on the eve and held at a higher recall on the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an audition (link these sides to one in the dossier)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineNotice</name>
    <message>
        <source>Self-tape deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tape due soon:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>Project title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The show or film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part you read for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studio, address, or Zoom link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tape deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left until the self-tape deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casting director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One link per line: breakdown, sides, trailer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tape &amp;deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Casting director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;irector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;ducers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sides for this audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal sessions for this audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link sides first: sessions with them are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sides (tick the scripts this audition uses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsals done for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tapes exported for this audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to show the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tapes exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · rated %.1f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %(take)d · %(file)s · %(when)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (moved or deleted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectorNotes</name>
    <message>
        <source>Emotion &amp; intensity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempo &amp; rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obstacle &amp; stakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtext &amp; secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical state &amp; environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style &amp; genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical &amp; on-camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierChoosers</name>
    <message>
        <source>Choose the first-round photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (%s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierEditor</name>
    <message>
        <source>Dossier sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audition details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wardrobe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the prep sheet as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the prep sheet as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export prep sheet as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prep sheet saved to %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prep sheet saved to %s (%d pages: shorten the notes for one page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export prep sheet as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worksheet sent to the printer (%d page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worksheet sent to the printer (%d pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This audition was deleted; nothing more can be saved to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some changes could not be saved (%s).

Close anyway and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierRecords</name>
    <message>
        <source>Untitled project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chemistry read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who am I?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where am I?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When is it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do I want?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stands in my way?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do I do to get it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What&apos;s at stake?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tone and genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director&apos;s previous work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casting director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network / studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparable roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillLauncher</name>
    <message>
        <source>&amp;Adjustment Drill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cold Read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick Up Your C&amp;ues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director &amp;Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sides and choose your role first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene %d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillSetupDialog</name>
    <message>
        <source>Set up a drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record each take from the microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record each take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record each take (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this scene several times. Before each take the director gives a new note; after it you rate how fully you committed to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between takes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes between takes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also in the middle of a take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes also in the middle of a take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % of takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chance of a note in the middle of a take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note in the middle of a take pauses the reader at a random cue, shows the note big and speaks it in the director&apos;s voice; then the scene goes on and you adjust on the spot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Takes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes come:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let me choose the scene:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the scene myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one I haven&apos;t rehearsed, and keep it a surprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a scene I haven&apos;t rehearsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prep time in minutes and seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep 10 seconds before the prep ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the page until the prep starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then a second take with a director note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second take with a director note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prep time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(up to 10 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no scene for a cold read yet: import a script first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a scene, or let the app pick one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one kind and one size of note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled note matches these kinds and sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prep is too short for a ten-second warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 note matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d notes match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>a window it was using had already been closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file it needed was not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was not allowed to read or write a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the history database reported a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system refused to read or write a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the computer ran out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program hit a mistake of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” did not finish: %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal could not finish what it was doing: %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal — something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can go on working: your sessions so far are saved. If this happens again, the log has the details for a bug report:
%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d more problem(s) happened since; they are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the tapes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export self-tapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, {role}, {project}, {take} and {date} are filled in; .mp4 is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes (each file is named as shown):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is not set: add it in Settings ▸ Self-Tape for the slate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %d take(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %(folder)s:
%(names)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not noted in the dossier: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing half-made was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exported:
%s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>
&lt;h2&gt;Welcome to Rehearsal&lt;/h2&gt;
&lt;p&gt;Run a scene with a partner who answers on cue. Open the sides you were sent
(PDF, Final Draft, Fountain or a play text), choose your role, and the app reads every
other part aloud.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;The partner waits for you in one of four ways&lt;/b&gt; (Partner waits, in the options
beside the page, F9):&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Wait for my key&lt;/b&gt; — say your line, then press &lt;b&gt;Space&lt;/b&gt; (or →, or a foot
pedal that sends a key). Best for learning lines.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Timed pause&lt;/b&gt; — the partner comes in after the time your line takes at your
pace. Best for keeping the rhythm going.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Listen for my voice&lt;/b&gt; — the partner comes in when you stop speaking. Needs a
microphone; nothing is recorded.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Follow my words&lt;/b&gt; — the partner follows what you say and comes in when you reach
the end of your line, not at the first pause; press &lt;b&gt;L&lt;/b&gt; or say &quot;line&quot; for a prompt.
Needs a microphone; nothing is recorded.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Hide your lines (first letters, first words, cue only) to get off book, and press
&lt;b&gt;R&lt;/b&gt; when you need a prompt. Director notes and cold-read drills are in the Drill menu.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A demo scene, &lt;i&gt;Night Shift&lt;/i&gt;, is open behind this window.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import my sides…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FixupEditor</name>
    <message>
        <source>Fix Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines of the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters and their lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Things to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix-up status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is not open: these corrections last until you close the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — %d lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That change is not possible here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more lines first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a line of the second speech to join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This speech was made by a split: undo the split to join it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a line of speech to split.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FixupFeature</name>
    <message>
        <source>&amp;Paste Sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fix Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Thing to Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Thing to Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;Parenthetical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge or Rename Characters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sp&amp;lit Speech…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join to Speech Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave Out of the Sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your correction is not saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard&apos;s text is too long to be sides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FixupLines</name>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parenthetical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synopsis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(scene break)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FocusHeader</name>
    <message>
        <source>Current speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress through the scene</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FocusMode</name>
    <message>
        <source>Focus Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus mode: only the page, full screen (F11; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the page, full screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowMyWords</name>
    <message>
        <source>Words must match:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s The partner waits for your key instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line — the partner follows your words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line — the partner comes in when you stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech recognition is not available (%s): the partner listens for your voice only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line: “%s …”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was the end of the line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowPanel</name>
    <message>
        <source>Exact words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (minor words may differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paraphrase (meaning words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prompted “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” for “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d%% of the words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pickup %.1f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words %d%%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pickup %.1f s on average, slowest %.1f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d lines unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line as the partner follows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How closely your words must match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what I said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After each line, show the words the partner heard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the thank-you note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won&apos;t send one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the thank-you template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose not to send one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: the audition was %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the audition&apos;s date: the note is offered once it has passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered after the audition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent after all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into your email, then press Mark sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>Rehearsal — Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you notes due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — %s (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All caught up: no thank-you notes are due.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpTemplate</name>
    <message>
        <source>the casting director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the role you read for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the producers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first read, callback …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audition&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week&apos;s summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal — History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines to work on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines Learnt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export only the sessions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history as %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s files (*.%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the session of {started} ({script}, {role})?

Its takes, line timings, notes and ratings are deleted too. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the session of %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %d session to %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %d sessions to %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the %s: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeNavigation</name>
    <message>
        <source>&amp;Home</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning the lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sides…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sides you were sent (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every session you rehearsed (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditions and dossiers (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fountain, Final Draft (.fdx), PDF and plain-text plays. You can also drop a file here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your auditions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No script opened yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to %s (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is not available in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today is %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up where you left off: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo scene, Night Shift, or open the sides you were sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sides you were sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the diary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you note due (audition %s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(role)s · %(when)s · %(time)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · 1 line to work on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %d lines to work on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportConfidence</name>
    <message>
        <source>The import looks right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check these lines before rehearsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import is probably wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialogue was found: every line was read as something else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import reported: {warning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” was read as action but looks like {name}’s cue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}’s cue has nothing said under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This action line looks like the rest of {name}’s speech.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}’s speech is {times} times as long as most; it may hold several speeches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a} and {b} look alike: are they one character?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} look like {name} with speech numbers: one character?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} speaks only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene {number} has no dialogue, unlike the scenes around it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} lines could not be placed: the layout was probably misread.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Importing %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LevelPicker</name>
    <message>
        <source>drained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buzzing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scattered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;small&gt;%s … %s&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineMemoryFeature</name>
    <message>
        <source>How well you know the part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s &amp;Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide by &amp;Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Line: &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Line: &amp;Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Line: &amp;Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Line: &amp;Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take All Goo&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off &amp;Book By…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory of your lines could not be saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take marked all good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked “%(line)s…” %(grade)s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineStatsPanel</name>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%.1f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(element %d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script for line statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines needing work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines most often skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needing work most (words missed, prompts, skips, slow pickup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most often skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest (mean seconds from cue to end of line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lines recorded for this script yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Sides…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;Demo Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rehearsal %s&lt;/h3&gt;&lt;p&gt;Rehearse a scene alone: a reader who answers on cue, a director who keeps you flexible, and a history of every take.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open sides to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: %d characters, %d speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(title)s — %(role)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of %s cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoryLinesModel</name>
    <message>
        <source>secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not met yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemorySummary</name>
    <message>
        <source>{secure} of {total} lines secure, {due} due today ({minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off book by {date}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{occasion}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off book by {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {round}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoryView</name>
    <message>
        <source>Runs not missed, per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines due in the next days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines of the part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No part learnt yet: rehearse a role and its lines show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge or Rename Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge or rename characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one character to rename it, or several to make them one (Space or Ctrl+click selects).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — %d lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MicrophoneSource</name>
    <message>
        <source>No microphone was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteBanner</name>
    <message>
        <source>Director note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteFilterBox</name>
    <message>
        <source>Director notes to draw from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes about %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of adjustment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes that match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesEditorDialog</name>
    <message>
        <source>Director notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes file could not be read, so only the bundled notes are shown: %s. Saving keeps the unreadable file beside the new one (.broken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d of %d notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %d disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with your notes file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of notes shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable or enable the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never draw this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo your changes to this bundled note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a deck file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the notes of a deck file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the director says, e.g. “It&apos;s 3 a.m.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spoken as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” will be drawn again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” will not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s” is back to the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your note “%s”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %d notes from %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d already in your deck were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes could not be saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The unreadable old file was kept as %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving your changes to the director notes?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s
Spoken: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateTime</name>
    <message>
        <source>%s is set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Run options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the options (F9)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrepSheetExport</name>
    <message>
        <source>%s: cannot be written (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: the PDF could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: the PDF could not be written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrepTimeBox</name>
    <message>
        <source>Type a time such as 1:30, 45 s or 2 min; a plain number up to 10 is minutes, a larger one seconds. The arrow keys step by 15 seconds.</source>
        <extracomment>What may still become a time as more is typed: digits, a colon, spaces and unit letters.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>eye line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Prompter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PronunciationsModel</name>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>Rate your take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you commit to the note?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note you are rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (key %d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate %d: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A little</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halfway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A word on this take (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on this take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip rating this take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on without rating this take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d — “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How committed was that take?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d — no note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalController</name>
    <message>
        <source>%s The partner waits for your key instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader could not say a line: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s is speaking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You play %s. Press Start (Ctrl+Return) when you&apos;re ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill over: 1 take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill over: %d takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s&apos;s line (shown, not spoken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(beat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again from the top of the loop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looping off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looping lines %d to %d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d done: %d lines in %.0f s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prep: read the scene. Press Start when you&apos;re ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line — press Space when you&apos;re done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line — the partner comes in when you stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line — the partner comes in when the bar runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — press P to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the scene. Press Start for another take.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalOptions</name>
    <message>
        <source>Wait for my key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen for my voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow my words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalScreen</name>
    <message>
        <source>Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a role and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left for your line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mic %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is hidden until the prep starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No partner voice on this computer (%s). The partner&apos;s lines are shown as text and paced at a speaking rate; install eSpeak NG to hear them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have said my line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the looped section at this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop to here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the looped section at this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop looping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show my hidden line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show less of my lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the run options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next words of my line (or say “line”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the reader knows you are done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of your lines to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> wpm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pace for timed waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner waits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader speed:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalTime</name>
    <message>
        <source>%d min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d h %02d min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(time)s in %(count)s this week · %(last)s last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet this week · %(last)s last week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepairAtStart</name>
    <message>
        <source>Take %(number)d of %(what)s was cut short last time; it was kept up to %(length)s and is with your takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d takes were cut short last time; each was kept as far as it was written and is with your takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A take cut short last time could not be read: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d takes cut short last time could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResearchTab</name>
    <message>
        <source>Research notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything you found: interviews, the tone of the pilot, what the casting director likes to see … Markdown works: **bold**, *italic*, - lists, # headings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research notes preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the research notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Notes&lt;/b&gt; (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Choose your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which part do you play? The reader takes the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to find a part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — %d lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%d shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s — 1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptView</name>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDetailView</name>
    <message>
        <source>before the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mid-scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note ({timing}, {category}): {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating %d/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%.2f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {words} — {timing}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pickup %.1f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d%% of the words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %d skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, pickup %.1f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, words %d%%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {number} ({start}–{end}, {lines} lines{skipped})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session to see its takes, notes and lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{script} — {role} — {mode} — {started}, {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No takes were recorded in this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%dh %02dm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%dm %02ds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%ds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session was not ended (the app was closed or stopped during it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between takes and mid-scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> words/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read action lines aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner waits for you by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time before the partner comes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pace (timed waits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice: speech level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice: silence that ends your line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (beat) lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (pause) lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner pace without a voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % of takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning tone 10 seconds before prep ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in (energy, focus, intention) before rehearsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show my lines as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid-scene notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold-read prep time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide by memory: each line as well as I know it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New and missed lines in full, first letters while learning, first words once spaced, only the cue once secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions, notes and recordings are kept in&lt;br&gt;&lt;b&gt;%s&lt;/b&gt;&lt;br&gt;Start with &lt;tt&gt;--data-dir DIR&lt;/tt&gt; (or set REHEARSAL_DATA_DIR) to keep them elsewhere; copy the folder to back them up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The suggested step, or the row with focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a recent script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Slate</name>
    <message>
        <source>Role: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: {project}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency: {agency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height: {height}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi, I&apos;m {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m with {agency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ll be reading for the role of {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ll be reading for the role of {role} in {project}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor where the new speech starts (at the start: before this line), and choose who says it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line to split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Said by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rehearsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines to work on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%.1f / 5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeAudioRecorder</name>
    <message>
        <source>No microphone was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system cannot save WAV recordings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: the recording failed (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: nothing was recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakePlayer</name>
    <message>
        <source>Take player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute this take (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s is no longer there: it was moved or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s cannot be played: the file is damaged or not a video.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeRecording</name>
    <message>
        <source>Slate: say it to the lens, then press Space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording. Press Stop when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the scene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the take…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take was not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing stopped. The recording is kept and will be finished the next time Rehearsal starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take could not start: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slate card could not be drawn: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakesModel</name>
    <message>
        <source>★</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · sound only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut short: it is kept as far as it was written on the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star the take to send (click, or S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakesPanel</name>
    <message>
        <source>Recorded takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Recorded takes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No takes recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or stop the selected take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %d has no recording any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing take %d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the recording of take %d?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %s could not be played: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No takes yet. Record one in tape mode: Callback ▸ Self-Tape (%s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the take (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star the take to send, or take the star away (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two selected takes side by side (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rim…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the head and tail of the take (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make MP4 files to send to casting (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder that holds the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %s, recorded %s? The recording is removed from your computer; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these %d takes? The recordings are removed from your computer; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two takes to compare them (Ctrl+click).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the takes to export, or star them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakesTableModel</name>
    <message>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakesWindow</name>
    <message>
        <source>Rehearsal — Self-tape takes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapeDeadline</name>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the deadline has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tape for %(title)s due %(when)s — %(left)s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapeMode</name>
    <message>
        <source>&amp;Self-Tape…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an audition tape with the reader off camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapeNaming</name>
    <message>
        <source>The name pattern is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name pattern uses {{{field}}}; it can use {{name}}, {{role}}, {{project}}, {{take}} and {{date}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name pattern has an unmatched brace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name pattern needs {{take}} or {{date}}, or every take gets the same name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapeSettingsPage</name>
    <message>
        <source>Self-tape settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera and microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera was found: tape mode records sound only until one is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader on the tape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader level relative to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casting wants the reader quieter than you: -6 dB is a good start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader level (relative to you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix the reader&apos;s lines into the tape (clean; works with headphones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rely on the microphone (the reader from the speakers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give director notes in tape mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slate before the take (title card, then you say it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title card length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As casting knows you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5&apos;7&quot; or 170 cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role and the project come from the audition or the script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, {role}, {project}, {take} and {date} are filled in; .mp4 is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On screen while recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line at the top, near the lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thirds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eye line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framing guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s default camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s default microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one chosen before (not connected now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Self-Tape</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapeTakesFeature</name>
    <message>
        <source>Self-Tape &amp;Takes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapeWindow</name>
    <message>
        <source>Self-Tape — Rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a take (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the take (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the slate, or your line when the partner waits for your key (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slate first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thirds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eye Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid Shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner waits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tape status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop finishing; the recording is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio only: your voice and the reader&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sides and choose your part to tape a scene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You play %s. Press Record (%s) when you&apos;re ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slate needs your name: fill it in Settings ▸ Self-Tape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the disk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording. Esc stops the take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %(n)d saved (%(length)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s The recording is kept and will be finished the next time Rehearsal starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Thank-you template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders: %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not filled in (check the spelling): %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodaysLinesDialog</name>
    <message>
        <source>Today&apos;s Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In script order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speak the cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Line (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue Again (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due today: every line is resting. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(count)d lines today (%(due)d due, %(new)d new), about %(min)d min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %d lines run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s today&apos;s run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %(n)d of %(total)d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(You open the scene.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrimDialog</name>
    <message>
        <source>Trim %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut from the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut from the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set start here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set end here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set how much to cut from the start and the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take will run from %(start).2f s to %(end).2f s: %(kept).2f s kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy can only cut on a key frame, so the cuts move outwards and nothing you kept is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut %(head).2f s from the start and %(tail).2f s from the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim cancelled; the take is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WardrobeTab</name>
    <message>
        <source>Stay consistent: casting remembers the person who walked in for the first round. Wear the same outfit, or a close echo of it — same colours, same shape, same hair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-round outfit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you wore to the first read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-round photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the first-round photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the first-round photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback outfit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you will wear this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistency note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hair, make-up, glasses, shoes: anything to keep the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s: not an image Rehearsal can show (%s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningTone</name>
    <message>
        <source>The warning tone could not be made in %s (%s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warning tone could not be played: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Import a note deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note decks (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Director notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Sides</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
