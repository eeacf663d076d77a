"""Quotations: the marks as articles write them, and who said each one."""

from pathlib import Path

import pytest

from generator.files.articles import parse_article
from generator.extract import extract_article
from generator.extract.quotes import Quotation, quotations


def article(text: str, published: str | None = "2025-03-03"):
    header = f" date {published} Headline\n\n" if published else ""
    return parse_article(Path("example.txt"), header + text)


def quotes_of(nlp, text: str) -> list[tuple[str, str]]:
    return sorted((q.speaker, q.text) for q in extract_article(nlp, article(text), ("people", "quotes")).quotes)


@pytest.mark.parametrize("text, inner", [
    ("He said “we will go” today.", ["we will go"]),
    ('He said "we will go" and "we will stay" today.', ["we will go", "we will stay"]),
    # A curly mark closed by a straight one, as copied text often has it.
    ("seek to propose a truce “in the air, at sea and on energy infrastructure\".", ["in the air, at sea and on energy infrastructure"]),
    # The closing mark wrapped onto the next line.
    ("She said: “We will keep working until there is peace.\n” She left.", ["We will keep working until there is peace.\n"]),
    # Never closed: a quotation to the end of its paragraph when a full stop ends it there, or to
    # the end of a cut text; none when the paragraph runs on without one, or the mark is straight.
    ("She said: “We will keep working until there is peace.\nShe left.", ["We will keep working until there is peace."]),
    ("She said: “We will keep working until there is peace and", ["We will keep working until there is peace and"]),
    ("She said: “We will keep working until there is\nShe left.", []),
    ('She said: "We will keep working until there is peace.\nShe left.', []),
    ("He said “one thing and “another” then.", ["another"]),
    # Single marks, curly or straight, around a sentence's worth of words; never an apostrophe's
    # span, a scare quote or single marks inside double ones.
    ("He stressed: 'These guarantees show that Ukraine need not surrender.' Then he left.",
     ["These guarantees show that Ukraine need not surrender."]),
    ("‘We will not stand by while Russia attacks,’ she said.", ["We will not stand by while Russia attacks,"]),
    ("The leaders’ summit went well and Starmer’s plan was ‘bold and ready’ for all.", []),
    ("He said “the plan is ‘Ready To Go Now At Last Today’ for all”.", ["the plan is ‘Ready To Go Now At Last Today’ for all"]),
])
def test_quotation_marks(text, inner):
    assert [text[q.start:q.end] for q in quotations(text)] == inner


def test_a_quotation_over_paragraphs_leaves_all_but_its_last_open():
    text = "“The first part of the speech.\n\n“And its second part,” she said."
    found = quotations(text)
    assert found == [Quotation(1, text.index("\n"), open_ended=True),
                     Quotation(text.index("And"), text.index("”"))]


@pytest.mark.parametrize("text, expected", [
    # An attribution after an appositive of the speaker.
    ("The announcement was “obviously because of what happened in the White House on Friday”, Timothy Ash, "
     "an associate fellow in the Russia and Eurasia programme at Chatham House, told Al Jazeera. "
     "“Europe needed to step up in terms of the peace process, and it did.”",
     [("timothy-ash", "Europe needed to step up in terms of the peace process, and it did."),
      ("timothy-ash", "obviously because of what happened in the White House on Friday")]),
    # "who said" gives the quotation to the person the clause is about.
    ("This sentiment was reaffirmed by Finnish President Alexander Stubb, who said there was “strong consensus "
     "among the Coalition countries on the need to continue supporting Ukraine.”",
     [("alexander-stubb", "strong consensus among the Coalition countries on the need to continue supporting Ukraine.")]),
    # A quoted fragment of six words or more is speech even without a verb of its own.
    ("French President Emmanuel Macron proposed a one-month truce “in the air, on the seas, and on energy "
     "infrastructure” to de-escalate the conflict.",
     [("emmanuel-macron", "in the air, on the seas, and on energy infrastructure")]),
    # Mismatched marks.
    ("French President Emmanuel Macron said: “We will keep working with our partners until there is a lasting peace.\"",
     [("emmanuel-macron", "We will keep working with our partners until there is a lasting peace.")]),
    # Five words are too few to be more than a scare quote.
    ('Addressing her lawmakers Tuesday, Marine Le Pen accused "the system" of rolling out "the nuclear bomb".\n'
     '"If they use such a powerful weapon against us, it\'s obviously because we\'re about to win an election," '
     'said Le Pen, 56. "We won\'t let this happen."',
     [("marine-le-pen", "If they use such a powerful weapon against us, it's obviously because we're about to win an election")]),
])
def test_attribution(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_a_quotation_continues_over_paragraphs(nlp):
    # A paragraph that is all quotation continues the speaker of the paragraph before: the one
    # quoted there, or the one reported there as saying something.
    text = ("Opposition Leader Peter Dutton says Australia should not be involved, accusing the PM of \"shooting from the hip\".\n"
            "\"It just doesn't make any sense... Our job is to take care of our country and make sure we are safe in our region,\" he told reporters on Friday.\n"
            "\"We have supported Ukraine from day one... But not with troops on the ground. This was a thought bubble by the Prime Minister.\"\n"
            "Prime Minister Anthony Albanese said Mr Dutton no longer stood with Ukraine.\n"
            "\"[We] did have a bipartisan position, it appears that Mr Dutton has walked away from that. That's a decision for him, but we stand for Ukraine.\"")
    speakers = {text[:20]: speaker for speaker, text in quotes_of(nlp, text)}
    assert speakers == {"It just doesn't make": "peter-dutton", "We have supported Uk": "peter-dutton",
                        "[We] did have a bipa": "anthony-albanese"}


def test_a_speech_quoted_over_paragraphs_has_one_speaker(nlp):
    text = ("French President Emmanuel Macron spoke in Paris on Monday.\n\n"
            "“We have a plan that is ready to go in the hours after a ceasefire.\n\n"
            "“And we will not wait for anyone else to agree before we start,” Macron said.")
    assert [speaker for speaker, _ in quotes_of(nlp, text)] == ["emmanuel-macron", "emmanuel-macron"]


def test_a_paragraph_opening_a_quotation_continues_one_left_open_by_an_attributed_paragraph(nlp):
    text = ("A press release said that Defence Secretary John Healey would tell the meeting, “A couple of weeks ago "
            "I visited the headquarters, where military leaders were developing options.\n\n"
            "“We cannot jeopardise the peace by forgetting about the war, so we must put more pressure on Putin.”\n")
    assert [speaker for speaker, _ in quotes_of(nlp, text)] == ["john-healey", "john-healey"]


def test_a_fragment_inside_what_someone_reports_is_theirs(nlp):
    text = ("French President Emmanuel Macron told Le Figaro that Paris and London wanted to propose a one-month "
            "truce “in the air, at sea and on energy infrastructure”.")
    assert quotes_of(nlp, text) == [("emmanuel-macron", "in the air, at sea and on energy infrastructure")]


def test_a_question_is_attributed_by_who_asked_it_after_the_mark(nlp):
    text = ("Officials met on Monday. “What is the mandate? What would we do in the different scenarios if there "
            "were an escalation?” Dutch Defense Minister Ruben Brekelmans asked.")
    assert [speaker for speaker, _ in quotes_of(nlp, text)] == ["ruben-brekelmans"]


def test_he_is_the_speaker_quoted_just_before_not_a_name_in_his_words(nlp):
    text = ("Witkoff, who has led talks with Russia, said after the summit that Trump \"strongly stands behind security protocols\".\n"
            "\"Those security protocols are meant to deter any attacks, any further attacks in Ukraine,\" he said.\n"
            "US envoys Steve Witkoff and Jared Kushner attended, as did US President Donald Trump's team.")
    assert quotes_of(nlp, text) == [
        ("steve-witkoff", "Those security protocols are meant to deter any attacks, any further attacks in Ukraine")]


def test_she_is_the_person_last_named_as_subject(nlp):
    text = ("“We remain, of course, deeply committed to reaching people in Myanmar who need aid,” UN spokesperson Stephane Dujarric said.\n"
            "A civil war in Myanmar had displaced more than 3 million people long before the quake struck. UN Special Envoy "
            "for Myanmar Julie Bishop urged all sides to immediately cease fire.\n"
            "“Continuing military operations in disaster-affected areas risks further loss of life,” she said in the statement.\n"
            "Myanmar’s military ruler Min Aung Hlaing said the death toll reached 2,719 as of Tuesday morning.\n"
            "“Among the missing, most are assumed to be dead. There is a narrow chance for them to remain alive,” he said in a speech.")
    speakers = {text.split()[0]: speaker for speaker, text in quotes_of(nlp, text)}
    assert speakers == {"We": "stephane-dujarric", "Continuing": "julie-bishop", "Among": "min-aung-hlaing"}


@pytest.mark.parametrize("title", ["the premier", "the Italian premier", "the PM"])
def test_a_speaker_named_by_a_title_that_stands_for_another(nlp, title):
    text = ("Italian Prime Minister Giorgia Meloni arrived in Paris on Monday.\n"
            f"“We must stay united with our allies in every decision we take,” said {title}.")
    assert quotes_of(nlp, text) == [("giorgia-meloni", "We must stay united with our allies in every decision we take")]


def test_the_head_of_state_is_a_president(nlp):
    text = ("Finnish President Alexander Stubb met Prime Minister Petteri Orpo on Monday.\n"
            "“The only thing that the Kremlin understands is strength and unity,” the head of state said.")
    assert quotes_of(nlp, text) == [("alexander-stubb", "The only thing that the Kremlin understands is strength and unity")]


def test_an_unresolved_attribution_continues_nobody(nlp):
    # "the prime minister" names a speaker who is not in the article: the quotation is not
    # the previous speaker's.
    text = ("Donald Trump said on Friday that he had held “very good and productive discussions” with Moscow.\n\n"
            "“The ball is in Russia’s court, and President Putin must show he is serious about peace,” the prime minister said.")
    assert quotes_of(nlp, text) == []


def test_a_quotation_is_never_given_to_a_name_inside_it(nlp):
    text = ("French President Emmanuel Macron met British Prime Minister Keir Starmer in London.\n"
            "Macron said the talks were good. “Emmanuel Macron has been a good friend to this country for many years,” he said.")
    assert [speaker for speaker, _ in quotes_of(nlp, text)] == []


def test_a_title_leading_into_a_quotation_names_its_speaker_never_the_last_one(nlp):
    text = ("British Prime Minister Keir Starmer met allies on Thursday. French President Emmanuel Macron agreed. "
            "The president went further, questioning whether the group can exist: \"Even the existence of the "
            "group itself depends on whether certain countries are ready.\" The chancellor added more: \"We will "
            "be ready to act when the time comes for all of us.\"")
    assert [speaker for speaker, _ in quotes_of(nlp, text)] == ["emmanuel-macron"]


def test_a_quote_carries_the_sentence_before_it_but_never_the_headline(nlp):
    text = ("Starmer news today\n\nBritish Prime Minister Keir Starmer met allies on Thursday in London. Asked "
            "about the troops, he said: \"We will be ready to act when the time comes for all of us.\"\n\n"
            "\"Nobody should doubt that this coalition means what it says today,\" Starmer said.")
    contexts = {q.text[:10]: q.context for q in extract_article(nlp, article(text), ("people", "quotes")).quotes}
    assert contexts == {
        "We will be": "British Prime Minister Keir Starmer met allies on Thursday in London.",
        "Nobody sho": "Asked about the troops, he said: \"We will be ready to act when the time comes for all of us.\"",
    }
    opening = extract_article(nlp, article("\"We will be ready to act when the time comes,\" Keir Starmer said."),
                              ("people", "quotes")).quotes
    assert [q.context for q in opening] == [None]


def test_a_quotation_a_cut_text_ends_inside_keeps_its_speaker(nlp):
    text = ("Prime Minister Keir Starmer, who will chair the meeting, said: “The only person involved in this "
            "conflict who does not want to stop the war is President Putin, and his depraved strikes on")
    assert quotes_of(nlp, text) == [("keir-starmer", "The only person involved in this conflict who does not want "
                                                     "to stop the war is President Putin, and his depraved strikes on")]


@pytest.mark.parametrize("text, expected", [
    ("Aleksandar Vucic met leaders on Monday. “This will be a significant force, with many countries providing "
     "soldiers,” Vucic’s spokesperson told reporters.", []),
    ("Aleksandar Vucic, the president of Serbia, “spoke to the prime minister of Albania this morning,” the office "
     "of the Serbian leader announced Saturday.", []),
    ("“We will keep working with every partner until the fighting stops,” said Marko Djuric, head of Vucic’s office.",
     ["marko-djuric"]),
])
def test_who_speaks_for_a_person_is_not_that_person(nlp, text, expected):
    assert [q.speaker for q in extract_article(nlp, article(text)).quotes] == expected
