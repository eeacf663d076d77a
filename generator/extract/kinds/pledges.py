"""Pledges: who committed money, weapons, troops, aid or a spending level, or proposed a truce.

A sentence holds a pledge when a commitment verb (announce, pledge, commit, vow, offer, send,
provide, contribute, ...) has a committer that stands for a participant and says what is
committed: a figure (a sum, a count of troops or weapons, a share of GDP), troops, or, with a
firm verb or in the future tense, what is handed over ("vowing to provide security
guarantees", "will contribute to ...").

How the sentence holds it is read from the words that govern the verb: a refusal ("will not
send", "ruled out sending"), a demand ("calls for X to commit"), a doubt ("whether X would
offer") or a discussion ("discussing sending troops") is no pledge; a possibility ("could
deploy", "open to sending", "wants to") is a pledge held for review; a condition ("if a
ceasefire is agreed", or a later "the arrangement would be dependent upon ...") is its
`condition`. The committer is the subject, or in the passive the agent; never a receiver
("Ukraine was promised", "aid to Ukraine", "Ukraine's allies"). Figures that only appear in
demands or comparisons are not pledges. Converted amounts in brackets restate the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator.model.kinds.pledges import Pledge
from generator.model.records import Amount, Evidence, Quantity
from generator.model.ids import slugify
from generator.model.lexicon import STOP_WORDS
from generator.extract.actors import PERSON_PREFIX, PLACE_NAMES_PATTERN, actors_of, person_actor, places_in, subject_of
from generator.extract.clauses import phrase, text_of
from generator.extract.presence import LIST, present_in
from generator.extract.inflection import base_in
from generator.files.articles import is_caption
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc
from generator.extract.money import NUMBER, find_money, find_percent_of_output, number_value
from generator.extract.merging import EvidenceLists, People
from generator.extract.findings import (
    ArticleFacts, Extractor, FigureClaim, Merged, StoryExtraction, extractor_name,
)
from generator.model import gazetteer
from generator.extract.pattern_store import compiled

EXTRACTOR = extractor_name("pledges")
COMMITMENT_VERBS = frozenset({
    "announce", "pledge", "commit", "confirm", "vow", "approve", "propose", "promise", "offer",
    "provide", "unveil", "reveal", "sign", "agree", "increase", "raise", "boost", "deploy", "send",
    "prepare", "indicate", "back", "allocate", "give", "establish", "contribute", "supply",
    "deliver", "station", "place", "base", "guarantee", "undertake", "fund", "finance",
    "ramp", "step", "intensify", "tighten", "expand", "accelerate", "strengthen", "warn", "threaten",
    "put", "spend", "double", "triple", "join", "participate", "earmark", "maintain", "sustain", "continue",
    "impose", "escalate", "speed",
})
# Verbs that make the commitment by themselves ("vowed to support", "offered troops"); the
# others make one only with a figure, troops or weapons, or in the future tense.
_FIRM_VERBS = frozenset({"pledge", "vow", "promise", "commit", "guarantee", "undertake", "offer"})
# Verbs of handing something over or setting it up, a commitment when their tense or a firm
# verb makes it one ("will establish military hubs").
_GIVING_VERBS = frozenset({
    "provide", "send", "deploy", "contribute", "supply", "deliver", "give", "allocate",
    "station", "place", "base", "fund", "finance", "establish", "earmark",
})
# Joining what troops make up: "will join the reassurance force", "participate in the mission".
_JOINING_VERBS = frozenset({"join", "participate"})
# Making what is handed over: "accelerate a program to produce missiles".
_MAKING_VERBS = frozenset({"produce", "build", "manufacture", "make", "deliver", "supply", "provide"})
# Verbs of stepping up what is already given, a commitment in the future tense: "we will ramp
# up sanctions", "will increase our military aid", "vowed to intensify pressure".
_STEPPING_UP = frozenset({"increase", "raise", "boost", "ramp", "step", "intensify", "tighten", "expand",
                          "accelerate", "strengthen", "double", "triple", "escalate", "speed",
                          # Keeping up what is given: "sustain military aid", "maintain pressure",
                          # "will continue economic sanctions".
                          "maintain", "sustain", "continue"})
# Verbs of a threat, a commitment only to what pressure the warner will bring: "warning Moscow it
# would face new sanctions if ..."; whatever else a warning names is not committed ("warned
# that troops could be needed").
_THREAT_VERBS = frozenset({"warn", "threaten"})
_PRESSURE_NOUNS = frozenset({"sanction", "pressure"})
_CONDITION = re.compile(
    r"\b(?:(?:[Ii]f|[Uu]nless|[Pp]rovided(?: that)?|[Oo]n condition that|[Ss]ubject to|"
    # "should a ceasefire be reached": a condition told by inverting its verb.
    r"[Ss]hould(?=\s+(?:a|an|the|any)\s)|"
    r"(?:[Dd]ependent|[Cc]onditional|[Cc]ontingent) (?:up)?on)\s+[^,.;:“”\"—–()]{3,90}"
    r"|(?:[Ii]n the event of|[Oo]nce|[Aa]fter|[Ff]ollowing|[Aa]s soon as|[Aa]s part of)\s+"
    r"(?:[\w-]+ ){0,3}?(?:peace|ceasefire|cease-fire|truce|deal|agreement|settlement|cessation)\b[^,.;:“”\"—–()]{0,80})")
# A later sentence that puts a condition on "the arrangement", "the deployment", ...
_LATER_CONDITION = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]uch an?) (?:arrangement|deployment|plan|offer|pledge|commitment|force|mission|contribution)\b"
    r"[^.;]{0,60}?\b(?:be |is |are )?(?P<condition>(?:(?:dependent|conditional|contingent) (?:up)?on|subject to|depends? on)\s+[^,.;:—–()]{3,90})")
_TROOPS = re.compile(
    r"\bboots on the ground\b|\b(?:troops|peacekeepers|peacekeeping forces?|soldiers|sailors|marines|"
    r"servicemen|military personnel|(?:peacekeeping|reassurance|stabilisation|stabilization|multinational) force)\b", re.I)
# Troops sent, told as a noun in the text that is signed: "a declaration of intent regarding the
# future deployment of multinational forces".
_DEPLOYMENT = re.compile(r"\b(?:deployment|dispatch|stationing|sending)\s+of\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
                         r"(?:troops|forces|force|soldiers|peacekeepers|contingents?)\b", re.I)
# Where troops are to go: "forces in Ukraine", "deploy to Ukraine", "on Ukrainian soil".
_DESTINATION = re.compile(r"\b(?:in|to|into|inside|on|across|for)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                          r"(?P<ground>\s+(?:soil|territory|ground))?")
_TRUCE = re.compile(r"\b(?P<length>(?:one|two|three|four|six|\d+)-(?:day|week|month))?\s*(?P<noun>truce|ceasefire|cease-fire)\b", re.I)
_TROOP_VERBS = frozenset({
    "vow", "prepare", "deploy", "send", "commit", "pledge", "back", "indicate", "offer", "establish",
    "promise", "contribute", "provide", "station", "place", "base", "put", "join", "participate",
})
_WEAPON_VERBS = frozenset({"send", "deploy", "provide", "pledge", "commit", "offer", "give", "promise", "supply", "deliver"})
_TARGET_YEAR = re.compile(r"\bby\s+(?P<year>20\d{2})\b")
# A firm or plain commitment is published; one the sentence only holds possible ("could
# deploy", "open to sending") is held until an editor has read it (below `review_below`), its
# prior low enough that a few possibilities the gold counts as pledges do not publish the rest.
CONFIDENCE = {"firm": 0.7, "plain": 0.7, "possible": 0.3, "nominal": 0.6, "group": 0.5, "contributor": 0.6,
              "listed": 0.6}

# How the sentence holds the commitment, from the words that govern its verb. A refusal, a
# demand, a doubt or a discussion is no pledge; a possibility is one to review.
_REFUSALS = frozenset({
    "refuse", "refusal", "reject", "rejection", "decline", "deny", "oppose", "exclude", "resist",
    "unwilling", "reluctant", "reluctance", "unable", "dismiss", "veto", "block",
})
_DEMANDS = frozenset({"call", "urge", "ask", "demand", "press", "push", "request", "plead", "appeal", "pressure"})
_DOUBTS = frozenset({"whether", "unclear", "uncertain", "doubt", "question", "wonder", "ask"})
_DISCUSSIONS = frozenset({
    "discuss", "discussion", "consider", "weigh", "debate", "explore", "study", "mull", "talk", "focus", "agenda",
    "idea", "possibility", "potential", "prospect", "option", "speculation",
})
_POSSIBILITIES = frozenset({
    "could", "might", "may", "open", "want", "wish", "hope", "seek", "aim", "willing", "likely",
    "expect", "potentially", "possibly", "propose", "suggest", "willingness", "plan",
})
_FIRM_WORDS = frozenset({"will", "would", "shall", "'ll", "ready", "prepared", "set", "determined", "willing",
                         "readiness", "commitment", "determination", "pledge", "promise"})
# Nouns of an intention whose infinitive commits the one who states it: "signaled readiness to
# deploy", "confirmed its commitment to send"; a willingness or a plan is a possibility.
_INTENT_NOUNS = frozenset({"readiness", "commitment", "determination", "pledge", "promise", "intention",
                           "willingness", "plan", "decision", "effort"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_NEGATIVE_PREPOSITIONS = frozenset({"without", "instead", "rather", "against"})
_MEANS_PREPOSITIONS = frozenset({"by", "in", "after", "through", "since"})

# A document whose signatories commit to what it says they will do, and the verbs of signing it.
_DOCUMENT_NOUNS = frozenset({"declaration", "intent", "intention", "letter", "memorandum", "agreement", "statement",
                             "commitment", "pledge", "accord"})
_SIGNING_VERBS = frozenset({"sign", "adopt", "endorse", "conclude"})
# Verbs that commit to what they govern, though not by themselves: "agreed to tighten restrictions".
_AGREEING_VERBS = frozenset({"agree"})
# What a commitment without a figure is of, by the nouns (and verbs) of what it hands over.
_CONTENT = (
    ("troops", frozenset({
        "troop", "soldier", "peacekeeper", "sailor", "marine", "servicemen", "contingent", "brigade",
        "battalion", "boots"})),
    ("weapons", frozenset({
        "weapon", "arms", "missile", "drone", "tank", "jet", "aircraft", "ammunition", "munition",
        "munitions", "shell", "artillery", "howitzer", "launcher", "equipment", "arm", "system", "interceptor",
        "warship", "frigate", "helicopter"})),
    ("aid", frozenset({"aid", "assistance", "funding", "financing", "loan", "grant", "package"})),
    ("other", frozenset({
        "guarantee", "backstop", "sanction", "restriction", "pressure", "support", "help", "protection", "defend", "protect",
        "delegation", "mission", "train", "training", "intelligence", "hub", "headquarters", "logistics",
        # Tasks taken on: "offered to secure the sea lanes", "will monitor the ceasefire".
        "secure", "patrol", "monitor", "observer", "demining", "minesweeping"})),
)
_SUPPORT_NOUNS = frozenset({"support", "help"})
# A force that deploys is the force, not who sends it: "Multinational Force Ukraine will deploy".
_FORCE_WORDS = frozenset({"force", "forces", "mission", "contingent", "troops", "army", "brigade", "battalion"})
# Nouns that stand for the things committed when they are a sentence's subject: "troops
# from France would be placed", "British soldiers could deploy".
_THING_NOUNS = frozenset({"force", "troop", "soldier", "peacekeeper", "sailor", "marine", "contingent",
                          "personnel", "aid", "weapon", "missile", "jet", "money", "fund"})
_FORCE_NOUNS = frozenset({"force"})
# An aircraft's model number: "F-16s", "MiG-29".
_AIRCRAFT_MODEL = re.compile(r"^(?:F|MiG|Su|A|B)-\d{1,3}[A-Z]?s?$")
# The words before "systems" that make them weapons.
_ARMED_SYSTEMS = frozenset({"defence", "defense", "missile", "rocket", "artillery", "weapon", "weapons", "patriot",
                            "radar", "anti-aircraft", "anti-drone", "drone"})
# A body of troops, which a place before it names where it serves ("a Kosovo force").
_BODY_NOUNS = frozenset({"force", "mission"})
# Of these, only the ones a phrase names on its own: "delegation" and "mission" need "military".
_NEEDS_MILITARY = frozenset({"delegation", "mission", "intelligence", "training", "train", "hub"})
# Prepositions and possessed nouns that name who receives, not who gives: "aid to Ukraine",
# "Ukraine's allies".
_RECIPIENT_PREPOSITIONS = frozenset({"to", "for", "into", "inside", "towards", "toward"})
_HELPING_VERBS = frozenset({"help", "enable", "allow", "assist"})
_RELATIONAL_NOUNS = frozenset({"ally", "partner", "friend", "backer", "supporter", "neighbour", "neighbor"})
_TITLE_NOUNS = frozenset({"minister", "president", "chancellor", "premier", "leader"})
_ORGANISATIONAL_NOUNS = frozenset({"government", "administration", "ministry", "officials", "authorities", "cabinet", "side"})


# A count of the things a commitment sends: "5,000 troops", "over 100 air defence missiles".
_QUALIFIER = r"over|more than|at least|about|around|nearly|almost|up to|some|roughly|as many as"
_QUANTITY = re.compile(
    rf"(?P<qualifier>\b(?:{_QUALIFIER})\s+)?"
    rf"\b(?P<number>{NUMBER})(?:\s+(?P<multiplier>million|thousand|billion))?(?P<more>\s+(?:more|additional|new|extra))?"
    # The unit's words name the things, never a sum or a purpose: "300 million euros for
    # drones" counts no drones.
    r"\s+(?P<unit>(?:(?!(?:euros?|dollars?|pounds?|francs?|krona|kronor|kroner|yen|for|of|to|worth)\b)"
    r"[A-Za-z][\w-]*\s+){0,4}?(?:missiles|drones|troops|soldiers|tanks|jets|aircraft|"
    r"shells|rounds|launchers|vehicles|systems|weapons|guns|howitzers|personnel|peacekeepers|"
    r"sailors|marines|servicemen|helicopters|ships|boats))\b")


# A count at the end of a clause with its unit left to the sentence before: "as many as 10,000."
_BARE_COUNT = re.compile(rf"(?P<qualifier>\b(?:{_QUALIFIER})\s+)?\b(?P<number>{NUMBER})(?=\s*(?:[.;:!?)]|$))")


@dataclass
class Count:
    value: float
    unit: str
    qualifier: str
    text: str
    start: int
    end: int


def find_counts(text: str, offset: int = 0) -> list[Count]:
    found = []
    for match in _QUANTITY.finditer(text):
        unit = " ".join(match["unit"].split())
        qualifier = (match["qualifier"] or "").strip().lower()
        value = number_value(match["number"], match["multiplier"])
        if 1900 <= value <= 2100 and "," not in match["number"]:
            continue  # a year, not a count
        if re.search(r"[A-Za-z]-$", text[:match.start("number")]):
            continue  # a model number: "F-16 jets" counts no jets
        found.append(Count(value, unit, qualifier, match.group(0).strip(), offset + match.start(), offset + match.end()))
    return found


def _short_amount(value: float) -> str:
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def extract_pledges(context: ArticleDoc) -> tuple[list[Pledge], list[FigureClaim]]:
    pledges: dict[str, Pledge] = {}
    claims: list[FigureClaim] = []
    present = cache(lambda: _at_the_meeting(context))
    article_destinations = cache(lambda: _troop_destinations(context.text))
    helped_in_article = cache(lambda: _supported(context.text))
    for index, sentence in enumerate(context.sentences):
        verbs = [t for t in sentence if _commits(t)]
        nominal = _NOMINAL.search(context.text, sentence.start_char, sentence.end_char)
        contributors = _CONTRIBUTORS.search(context.text, sentence.start_char, sentence.end_char)
        ready = _READY_INCLUDE.search(context.text, sentence.start_char, sentence.end_char)
        if not verbs and not nominal and not contributors and not ready:
            continue
        quote = context.quote_of(sentence)
        if is_caption(quote) or quote.rstrip(" \"”’").endswith("?") or _is_headline(context, quote):
            # A caption; a question ("Will Britain send troops?"); the headline, which the
            # text says again, whole and in its own words.
            continue
        chunk = context.text[sentence.start_char:sentence.end_char]
        settled: set[int] = set()
        hedged: set[int] = set()
        # The innermost verb first: in "Poland said it would not send troops" it is "send" that
        # is refused, and the verbs governing it must not read the troops as theirs; in "have
        # indicated they are open to sending troops" the hedge of "sending" is theirs too.
        for verb in sorted(verbs, key=lambda t: (-len(list(t.ancestors)), t.i)):
            if verb.i in settled:
                continue
            stance = _stance(verb)
            if stance is None:
                settled |= _governors(verb)
                continue
            if verb.i in hedged:
                stance = "possible"
            actors, thing = _committers(context, verb)
            listing = None
            if not actors:
                # "Six European countries ... are prepared to send troops. Among the countries
                # named are the UK, France, ...": a group's commitment is its named members'.
                actors, listing = _members_named_after(context, index, verb)
            label = stance
            subject = _subject(verb)
            # "European leaders including Sir Keir Starmer have threatened ...": the one named
            # speaks for the group, and the group is there too.
            including = subject is not None and any(c.lower_ == "including" for c in subject.children)
            # Allies stand for the leaders only in what they threaten ("Western allies would impose
            # additional sanctions"): "European allies are accelerating ..." is anyone's.
            group = (not actors or including) and stance != "possible" and _is_group(subject) and (
                not base_in(subject, _ALLY) or _threatens(verb))
            if group:
                # "The leaders threatened to ratchet up sanctions": those the article has at its
                # meeting, a reading the calibration rates on its own.
                # The leaders last named by their countries, else those at the meeting; never
                # the country the article has them helping.
                group_of = _leaders_named_before(context, verb.idx) or present()
                actors = [a for a in dict.fromkeys([*group_of, *actors]) if a not in helped_in_article()]
                label = "group"
            # "an agreement between the UK and Ukraine, which guarantees £3bn ... to help Ukraine
            # acquire ...": who the commitment helps is not who makes it.
            helped = _helped(context, verb)
            actors = [actor for actor in actors if actor not in helped]
            if not actors:
                if stance == "possible":
                    hedged |= _governors(verb)
                continue
            found = _pledge_of(context, verb, thing, stance, chunk)
            if found is None or (group and found[0] not in ("other", "aid")):
                continue      # a group's troops, arms or sums are its members' own, told one by one
            settled |= _governors(verb)
            if found[0] == "troops":
                # A country does not send troops to itself: it is where they go, a receiver,
                # here or anywhere in the article ("Zelensky signed a declaration on the
                # deployment of multinational forces", after "troops in Ukraine").
                actors = [actor for actor in actors if actor not in _destinations(chunk)
                          and actor not in article_destinations()]
                if not actors:
                    continue
            condition, later = _condition(context, index, verb, thing)
            _add(pledges, claims, context, quote, actors, label, found, condition, later, listing)
        for match in _READY_INCLUDE.finditer(context.text, sentence.start_char, sentence.end_char):
            what = [t for t in sentence if match.start("what") <= t.idx < match.end("what")]
            found = _content_kind(what)
            if found is None or found[0] not in ("troops", "other", "aid"):
                continue
            actors = [a for part in ("list", "also") if match.group(part)
                      for a in places_in(match.group(part)) if _allowed(a)]
            kind, word = found
            summary = "troops" if kind == "troops" else _summary(word)
            _add(pledges, claims, context, quote, list(dict.fromkeys(actors)), "listed", (kind, _key(kind, summary), summary, {}),
                 None, None)
        if contributors:
            actors = [a for a in places_in(contributors.group("list")) if _allowed(a)]
            _add(pledges, claims, context, quote, actors, "contributor", ("other", "other contributor", "contributor", {}),
                 None, None)
        if nominal:
            found = _nominal_pledge(context, nominal)
            if found is not None:
                actor, pledge = found
                _add(pledges, claims, context, quote, [actor], "nominal", pledge, None, None)
    return sorted(pledges.values(), key=lambda p: p.id), claims


def _supported(text: str) -> set[str]:
    """The countries a text names as receiving support, or as where the effort is for: "support
    for Ukraine", "aid to Kosovo", "security guarantees for Kyiv", "a ceasefire in Ukraine"."""
    found = set()
    for match in [*_SUPPORT_FOR.finditer(text), *_PLACE_OF_THE_WAR.finditer(text)]:
        name = re.sub(r"['’]s?$", "", match["name"])
        for candidate in (name, name.split()[0]):     # "Ukraine’s defence", "Ukraine This"
            place = gazetteer.place_by_name(candidate) or gazetteer.place_by_adjective(candidate) \
                or gazetteer.place(gazetteer.country_of_city(candidate) or "")
            if place:
                found.add(place.id)
                break
    return found


_SUPPORT_FOR = re.compile(r"\b(?:support|aid|assistance|help|guarantees?|backing|solidarity|peace|ceasefire|"
                          r"cease-fire|truce|war|security|forces?|troops)\s+(?:for|to|with|in|on)\s+"
                          r"(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


# "a 30-day Ukraine ceasefire", "the Kosovo war".
_PLACE_OF_THE_WAR = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)\s+(?:ceasefire|cease-fire|truce|war|peace deal|peace talks)\b")


def _troop_destinations(text: str) -> set[str]:
    """The countries a text names as where troops or forces go, in any of its sentences."""
    return {place for match in _TROOPS_TO.finditer(text) for place in _destinations(match.group(0))}


# Troops and forces with where they go: "troops in Ukraine", "forces to Kosovo".
_TROOPS_TO = re.compile(r"\b(?:troops|forces|force|soldiers|peacekeepers|contingents?|boots on the ground)\s+"
                        r"(?:(?:were|are|will be|would be|to be)\s+)?(?:deployed\s+|stationed\s+|sent\s+)?"
                        r"(?:in|to|into|inside|on|for)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")


def _destinations(text: str) -> set[str]:
    """The countries a sentence names as where troops go ("in Ukraine", "on Ukrainian soil")."""
    found = set()
    for match in _DESTINATION.finditer(text):
        place = gazetteer.place_by_name(match["name"]) or (
            gazetteer.place_by_adjective(match["name"]) if match["ground"] else None)
        if place:
            found.add(place.id)
    return found


def _add(pledges: dict, claims: list, context: ArticleDoc, quote: str, actors: list[str], stance: str, found,
         condition: str | None, later: str | None, listing: str | None = None) -> None:
    """Record one commitment of each actor (the first of an id stands), and its count as a
    figure other sources may give differently. `later` is the sentence that states its
    condition, `listing` the one that names its actors, when not its own."""
    kind, key, summary, fields = found
    fields = dict(fields)
    count = fields.pop("_count", None)
    evidence = [Evidence(source=context.source, quote=quote)]
    for other in (listing, later):
        if other and other != quote:
            evidence.append(Evidence(source=context.source, quote=other))
    for actor in actors:
        pledge_id = f"{actor.lower().removeprefix(PERSON_PREFIX)}-{slugify(key, 5)}"
        if pledge_id in pledges:
            continue
        pledges[pledge_id] = Pledge(
            id=pledge_id, actor=actor, summary=summary, kind=kind, condition=condition,
            evidence=list(evidence), extractor=EXTRACTOR,
            **rated(f"pledges.{stance}", CONFIDENCE[stance]) if kind != "proposal"
            else rated("pledges.proposal", CONFIDENCE["firm"]), **fields,
        )
        if count is not None:
            unit = count.unit.split()[-1]
            number = f"{count.value:,.0f}"
            claims.append(FigureClaim(
                key=f"pledge|{pledge_id}|{unit}", about=f"number of {unit} in the {actor} {kind} pledge",
                value=f"{count.qualifier} {number}".strip(), number=count.value,
                source=context.source, quote=quote))


# Those said to contribute to the effort: "Germany, Italy and Poland were "important
# contributors" among the 26".
_CONTRIBUTORS = compiled(
    rf"(?P<list>{LIST}),?\s+(?:were|are|was|is|will be|would be|remain|remains)\s+(?:among\s+(?:the\s+)?)?"
    r"[\"“”'‘’]?\s*(?:(?:important|key|major|main|leading|significant|biggest|largest|top)\s+)?contributors?\b")
# Those a group said ready to commit is said to include: "countries ready to provide security
# guarantees include Finland, Estonia and Poland, in addition to France and the UK".
_READY_INCLUDE = compiled(
    r"\b(?:countries|nations|states|members|allies|governments)\s+(?:that\s+are\s+|which\s+are\s+|who\s+are\s+)?"
    r"(?:ready|willing|prepared)\s+to\s+(?P<what>[^,.;:]{3,80}?)\s+(?:include|includes|included|are|were)\s+"
    rf"(?P<list>{LIST})(?:,?\s+(?:in addition to|as well as|alongside)\s+(?P<also>{LIST}))?")


# A commitment told as a noun with its sum: "the French announcement of 2 billion euros",
# "Germany's pledge of €3bn", "a British offer of £1.6bn".
_NOMINAL = compiled(
    rf"(?:\b(?P<adjective>{gazetteer.PLACE_ADJECTIVES_PATTERN})|(?P<owner>{PLACE_NAMES_PATTERN})[’']s)\s+"
    r"(?:(?:new|latest|further|additional|fresh|initial)\s+)?"
    r"(?P<noun>announcement|pledge|offer|promise|commitment|contribution)\s+of\s+")


def _nominal_pledge(context: ArticleDoc, match: re.Match):
    """(actor, pledge) for a commitment told as a noun, when a sum, a count or troops follow it
    at once: "Germany's pledge of €500m", "a French pledge of 2,000 troops", "Britain's offer
    of troops"."""
    said = match.group("adjective") or match.group("owner")
    actors = places_in(said, adjectives=bool(match.group("adjective")))
    if len(actors) != 1 or not _allowed(actors[0]):
        return None
    after = context.text[match.end():match.end() + 60]
    money = find_money(after, match.end())
    if money and money[0].start == match.end():
        amount = money[0]
        return actors[0], ("money", f"money {amount.currency} {_short_amount(amount.value)}", amount.text,
                           {"amount": Amount(value=amount.value, currency=amount.currency)})
    counts = find_counts(after, match.end())
    if counts and counts[0].start == match.end():
        return actors[0], _counted("troops" if _TROOPS.search(counts[0].unit) else "weapons", counts[0])
    troops = _TROOPS.match(after)
    if troops:
        return actors[0], ("troops", "troops", troops.group(0), {})
    return None


def _is_headline(context: ArticleDoc, quote: str) -> bool:
    """Whether the sentence is the article's headline on a line of its own, above a text."""
    title = context.article.title
    return quote == title and f"{title}\n" in context.text and len(context.text) > 2 * len(title)


def _chain(verb) -> list:
    """The verb and the words that govern it, up to the sentence's root. A conjunct with its
    own subject, auxiliary or tense does not share its head's modal or negation ("will not
    send troops but pledged money"); a bare one does ("will not send troops or provide money")."""
    chain = [verb]
    token = verb
    while token.head.i != token.i:
        if token.dep_ == "pcomp" and token.head.lower_ in _MEANS_PREPOSITIONS:
            break    # "sought to lead by pledging ...", "backed ... in vowing ...": the pledge was made
        shares = token.dep_ != "conj" or (
            not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
            and (token.tag_ == "VB" or token.tag_ == token.head.tag_))
        token = token.head
        if shares:
            chain.append(token)
    return chain


def _governors(verb) -> set[int]:
    """The words above the verb that report or frame the same commitment ("Poland indicated
    it would not send troops"); a conjunct, or a clause that is a condition or a description
    ("if a ceasefire is agreed", "troops that ..."), frames nothing above it."""
    found = set()
    token = verb
    while token.head.i != token.i and token.dep_ not in ("conj", "advcl", "relcl", "acl", "parataxis"):
        token = token.head
        found.add(token.i)
    return found


def _stance(verb) -> str | None:
    """"firm", "plain" or "possible" for the commitment of this verb; None when the sentence
    refuses it, demands it, doubts it or only discusses it."""
    firm = possible = False
    for position, token in enumerate(_chain(verb)):
        modifiers = [c for c in token.children if c.dep_ in ("neg", "aux", "auxpass", "mark", "advmod", "prt", "det")]
        negated = any(c.dep_ in ("neg", "det", "advmod") and c.lower_ in _NEGATIONS for c in modifiers) \
            or token.lower_ == "no"
        if any(c.dep_ == "prt" and c.lower_ == "out" for c in modifiers) and base_in(token, frozenset({"rule"})):
            if negated:
                possible = True      # "has not ruled out sending troops"
                continue
            return None
        if negated or (token.pos_ == "ADP" and token.lower_ in _NEGATIVE_PREPOSITIONS):
            return None          # "without sending troops", "instead of pledging money"
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in modifiers):
            return None              # "whether the US would offer", "if Britain sends troops"
        words = modifiers if position == 0 else [token, *modifiers]
        if any(base_in(w, _REFUSALS | _DEMANDS | _DOUBTS | _DISCUSSIONS) and not _called_otherwise(w)
               for w in words if w.dep_ != "mark"):
            return None
        possible |= any(w.lower_ in _POSSIBILITIES or base_in(w, _POSSIBILITIES) for w in words)
        # "vowed to send", "signed a declaration of intent to deploy": committed by the governing verb.
        firm |= any(w.lower_ in _FIRM_WORDS for w in words) or (
            position > 0 and base_in(token, _FIRM_VERBS | _SIGNING_VERBS | _AGREEING_VERBS))
        # "Sweden is sending jets": a delivery under way is a commitment kept.
        firm |= position == 0 and token.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in modifiers)
    if possible:
        return "possible"
    return "firm" if firm or base_in(verb, _FIRM_VERBS) else "plain"


def _called_otherwise(word) -> bool:
    """"Call" that demands nothing: "has been called into question", "what they called a
    force"; a demand calls for something or on someone."""
    return base_in(word, frozenset({"call"})) and any(
        (c.dep_ == "prep" and c.lower_ == "into") or c.dep_ in ("oprd", "attr") for c in word.children)


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def _committers(context: ArticleDoc, verb) -> tuple[list[str], object]:
    """Who commits with this verb (participant ids), and the noun of the things committed
    when the sentence names them before the verb. In the passive the committer is the agent
    ("by Britain"), never the subject, which is the receiver ("Ukraine was promised") or the
    things ("troops from France would be placed"); things stand for who sends them."""
    thing = None
    if verb.dep_ in ("relcl", "acl") and _is_thing(verb.head):
        thing = verb.head      # "the 5,000 troops Britain offered", "soldiers that could deploy"
    if _passive(verb):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        if objects:
            return _actor_ids(context, objects[0]), thing
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        subject = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else thing
        if subject is None or not _is_thing(subject):
            return [], thing
        return _owners(context, subject), subject
    subject = _subject(verb) or _signer(verb)
    if subject is None:
        return [], thing
    if _is_thing(subject):
        return _owners(context, subject), subject
    if subject.lower_ in ("it", "they"):
        subject = _reporter(subject) or subject
    if subject.lower_ in ("we", "i") and context.in_quote(subject.idx):
        # "... we will ramp up sanctions," said Starmer: who speaks commits, for their country.
        person = context.people.get(context.speaker_at(subject.idx))
        return ([person_actor(person)] if person is not None else []), thing
    if subject.lower_ in ("his", "her"):
        # "commending Trump for his pledge to provide ...": the person the pronoun stands for.
        mention = context.antecedent(subject.idx)
        person = context.people.get(mention.person) if mention else None
        return ([person_actor(person)] if person is not None else []), thing
    actors = [a for part in [*_joint_subjects(subject), *_cosigners(verb)] for a in _actor_ids(context, part)]
    if not actors and _own_country(subject):
        # "Finland's president said his country would send soldiers": whoever reports it.
        reporter = _reporter(subject)
        actors = _actor_ids(context, reporter) if reporter is not None else []
        if reporter is not None and not actors:
            # "The Danish prime minister said ...": the country is an adjective of the title.
            actors = _named_by_adjective(t for t in reporter.subtree if t.i < reporter.i)
    return list(dict.fromkeys(actors)), thing


def _cosigners(verb) -> list:
    """Those who sign with the subject: "Zelenskyy signed a declaration with Macron and Starmer,
    committing to deploy forces" commits Macron and Starmer too."""
    signing = verb
    for _ in range(3):
        if base_in(signing, _SIGNING_VERBS) or signing.dep_ not in ("advcl", "xcomp", "acl"):
            break
        signing = signing.head
    if not base_in(signing, _SIGNING_VERBS):
        return []
    holders = [signing, *(c for c in signing.children if c.dep_ == "dobj")]    # "signed (a text) with"
    return [o for token in holders for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
            for o in c.children if o.dep_ == "pobj"]


def _own_country(subject) -> bool:
    """"his country", "her government", "its government": a country named by its speaker."""
    return subject.lower_ in ("country", "government", "nation") and \
        any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its") for c in subject.children)


def _joint_subjects(subject) -> list:
    """The subject and the subjects the parser split off from the same list: in "Macron,
    Starmer, and Zelensky signed ..." it may make "Macron" (with Starmer) and "Zelensky" two
    subjects of "signed"; they are one list when only commas and "and" stand between them."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.i > subject.head.i:
        return [subject]
    parts = sorted((c for c in subject.head.children if c.dep_ == subject.dep_ and c.i < subject.head.i),
                   key=lambda c: c.left_edge.i)
    doc = subject.doc
    for one, other in zip(parts, parts[1:]):
        if any(not (t.is_punct or t.pos_ == "CCONJ") for t in doc[one.right_edge.i + 1:other.left_edge.i]):
            return [subject]
    return parts


# A group that names no member: "Six European countries", "the leaders", "coalition members".
_GROUP_NOUNS = frozenset({"country", "nation", "state", "leader", "government", "member", "ally", "partner"})
# The sentence that names a group's members: "Among the countries named are ...", "They are ...".
_MEMBERS_INTRO = re.compile(
    r"^(?:Among (?:them|those|the (?:\w+ ){0,2}?(?:countries|nations|states|leaders|members|allies|governments)"
    r"(?: \w+){0,2}?) (?:are|were)|(?:They|These|Those) (?:are|were|include|included)|"
    r"(?:The|These|Those) (?:countries|nations|states|leaders|members|allies|governments) (?:are|were|include|included))\b")


def _members_named_after(context: ArticleDoc, index: int, verb) -> tuple[list[str], str | None]:
    """The members a group subject stands for, when the next sentence of its paragraph (or
    the first of the next) names them, and that sentence: (ids, its passage)."""
    subject = _subject(verb)
    if subject is not None and subject.lower_ in ("they", "it"):
        subject = _reporter(subject)
    if subject is None or not base_in(subject, _GROUP_NOUNS) or subject.tag_ not in ("NNS", "NNPS") \
            or any(c.dep_ == "poss" for c in subject.children) or index + 1 >= len(context.sentences):
        return [], None        # "Ukraine's allies" are not who commits
    following = context.sentences[index + 1]
    text = context.quote_of(following)
    paragraphs = context.paragraphs
    here, there = context.paragraph_of(verb.idx), context.paragraph_of(following.start_char)
    near = here == there or (here in paragraphs and there in paragraphs
                             and paragraphs.index(there) == paragraphs.index(here) + 1)
    if not near or not _MEMBERS_INTRO.match(text):
        return [], None
    start = context.text.find(text, following.start_char)
    members = [a for a in present_in(context, start, start + len(text)) if _allowed(a)]
    return members, text


# Who stand for the leaders at a meeting: "The leaders", "Major European powers", "Western allies".
_GROUP_OF_LEADERS = frozenset({"leader", "power", "ally"})
_ALLY = frozenset({"ally"})


def _is_group(subject) -> bool:
    """A subject that names the leaders at the article's meeting without naming one: "The
    leaders", "European leaders including Sir Keir Starmer"; not "Ukraine's leaders", "leaders
    of the Baltic states" or "some leaders"."""
    return subject is not None and base_in(subject, _GROUP_OF_LEADERS) and subject.tag_ in ("NNS", "NNPS") \
        and not any((c.dep_ in ("poss", "prep", "nummod") and c.lower_ != "including")
                    or c.lower_ in ("some", "other", "many", "several", "few") for c in subject.children)


# Leaders named by their countries: "The leaders, from France, the United Kingdom, Germany, and
# Poland, said ...", "leaders of Denmark and Norway".
_LEADERS_FROM = compiled(rf"\b[Ll]eaders,?\s+(?:from|of)\s+(?P<list>{LIST})")


def _threatens(verb) -> bool:
    """A verb of threat, or one joined to it: "would impose additional sanctions and escalate ..."."""
    said = {_base(verb), _base(verb.head) if verb.dep_ == "conj" else ""}
    return bool(said & (_THREAT_VERBS | {"impose"}))


def _leaders_named_before(context: ArticleDoc, char: int) -> list[str]:
    """The countries of the last leaders the article names by their countries before `char`:
    "the leaders" of a text that has no meeting stand for them."""
    matches = list(_LEADERS_FROM.finditer(context.text, 0, char))
    if not matches:
        return []
    return [a for a in places_in(matches[-1].group("list")) if _allowed(a)]


def _at_the_meeting(context: ArticleDoc) -> list[str]:
    """The countries and organisations the article has leading or attending its meeting."""
    from generator.extract.participants import extract_participants

    participants, _ = extract_participants(context)
    return [p.id for p in participants if p.status in ("lead", "attended") and _allowed(p.id)]


def _signer(verb):
    """Who signed or agreed to the document that states the commitment: "X and Y signed a
    declaration of intent to deploy a multinational force" commits X and Y to deploying it."""
    token = verb
    for _ in range(5):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return _subject(token) if base_in(token, _SIGNING_VERBS) else None
        if token.pos_ == "NOUN" and not base_in(token, _DOCUMENT_NOUNS):
            return None
    return None


def _reporter(pronoun):
    """The subject a pronoun takes from the clause that reports it: "Canada said it would
    send 200 soldiers", "France and the UK have indicated they are open to ..."."""
    clause = pronoun.head
    while clause.dep_ in ("xcomp", "conj", "aux") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    reporting = clause.head
    subjects = [c for c in reporting.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in ("it", "they") or _is_thing(subjects[0]):
        return None
    subject = subjects[0]
    if pronoun.lower_ == "it" and subject.ent_type_ == "PERSON":
        return None          # "Macron said it would take time": "it" is not Macron
    plural = pronoun.lower_ == "they"
    # "it" takes a single subject, "they" several: "Italy and Poland said they would ...".
    if plural != (subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)):
        return None
    return subject


def _subject(verb):
    """The verb's subject, also where the parser hung it on an auxiliary ("The United States
    has [nsubj of has] ... backed")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        # "Zelensky thanked Britain for pledging ...": the one thanked did it.
        thanked = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if thanked:
            return thanked[0]
    if verb.dep_ == "acl" and base_in(verb.head, _INTENT_NOUNS):
        # "his pledge to provide security guarantees", "a new commitment from the United States
        # to provide ...": whose commitment it is.
        owner = next((c for c in verb.head.children if c.dep_ == "poss" and c.lower_ not in ("their", "its")), None) \
            or next((o for c in verb.head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                     for o in c.children if o.dep_ == "pobj"), None)
        if owner is not None:
            return owner
    if verb.dep_ == "acl" and base_in(verb.head, _INTENT_NOUNS) and verb.head.dep_ == "dobj":
        # "The UK has signaled readiness to deploy peacekeepers": who signals it.
        return _subject(verb.head.head)
    ready = verb.head
    if verb.dep_ == "xcomp" and ready.dep_ == "amod" and ready.lower_ in ("ready", "prepared", "willing") \
            and ready.head.pos_ == "PROPN":
        # "with France, the UK and Canada ready to station troops": the list the readiness describes.
        named = ready.head
        while named.dep_ == "conj" and named.head.pos_ == "PROPN":
            named = named.head
        return named
    subject = subject_of(verb)
    head = verb
    for _ in range(5):
        if subject is not None:
            return subject
        auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        subject = next((g for a in auxiliaries for g in a.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if head.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acomp") or head.head.i == head.i:
            return subject
        head = head.head
    return subject


def _is_thing(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and base_in(token, _THING_NOUNS)


def _allowed(actor: str) -> bool:
    return len(actor) == 2 or actor.startswith(PERSON_PREFIX) or gazetteer.place(actor) is not None


def _actor_ids(context: ArticleDoc, head) -> list[str]:
    """Who a subject phrase stands for, without the receivers it names."""
    received = {a for token in _receivers(head) for a in actors_of(context, token)}
    actors = [a for a in actors_of(context, head) if a not in received and _allowed(a)]
    if not actors and (base_in(head, _ORGANISATIONAL_NOUNS) or base_in(head, _TITLE_NOUNS)):
        # "the British government", "The British prime minister": the country is an adjective of the noun.
        actors = _named_by_adjective(c for c in head.children if c.dep_ in ("amod", "compound"))
    return actors


def _named_by_adjective(words) -> list[str]:
    """The participants the words name, adjectives included ("British", "Danish")."""
    return [a for a in places_in(" ".join(t.text for t in words), adjectives=True) if _allowed(a)]


def _receivers(head) -> list:
    """Phrases inside a subject that name who receives: "aid to Ukraine", "Ukraine's allies"."""
    return [t for t in head.subtree
            if _is_recipient(t) or (t.dep_ == "poss" and base_in(t.head, _RELATIONAL_NOUNS)) or _possesses_relation(t)]


def _is_recipient(token) -> bool:
    """The object of "to", "for", "into" ...: "aid to Ukraine"."""
    return token.dep_ == "pobj" and token.head.lower_ in _RECIPIENT_PREPOSITIONS


def _helped(context: ArticleDoc, verb) -> set[str]:
    """Who the verb's own words say receives or is helped: "£3bn ... to Ukraine", "to help
    Ukraine acquire"."""
    helped: set[str] = set()
    for token in verb.subtree:
        if token.i == verb.i:
            continue
        if _is_recipient(token) or (
                token.dep_ in ("dobj", "nsubj") and base_in(token.head, _HELPING_VERBS)) or (
                token.dep_ == "nsubj" and token.head.i != token.head.head.i and base_in(token.head.head, _HELPING_VERBS)):
            helped.update(actors_of(context, token))
    return helped


def _possesses_relation(token) -> bool:
    """A name written as the owner of a relation ("26 of Ukraine's allies"), however the parser
    hung it: its "'s" is followed by an ally, a partner, a backer."""
    doc = token.doc
    return (any(c.dep_ == "case" and c.i == token.i + 1 for c in token.children)
            and token.i + 2 < len(doc) and base_in(doc[token.i + 2], _RELATIONAL_NOUNS))


def _owners(context: ArticleDoc, thing) -> list[str]:
    """Who sends the things a noun names: "troops from France and the UK", "British soldiers";
    for "France has 2,000 soldiers", the one who has them."""
    left_out = {t.i for c in thing.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    left_out |= {t.i for r in _receivers(thing) for t in r.subtree}
    if base_in(thing, _BODY_NOUNS):
        # "a Ukraine peacekeeping force" is the force's place, not its sender.
        left_out |= {t.i for c in thing.children if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree}
    words = " ".join(t.text for t in thing.subtree if t.i not in left_out)
    owners = [a for a in places_in(words, adjectives=True) if _allowed(a)]
    if not owners and thing.dep_ in ("dobj", "attr") and thing.head.pos_ in ("VERB", "AUX"):
        subject = _subject(thing.head)
        if subject is not None and not _is_thing(subject):
            owners = _actor_ids(context, subject)
    return owners


def _clause(verb, thing, clauses=("conj", "advcl", "parataxis")) -> tuple[int, int]:
    """Where the commitment of this verb is written: from the verb (or the things named before
    it) to the end of what it governs, short of a clause with a subject of its own ("..., and
    Greece offered 300 sailors", "while other countries would provide")."""
    own = [c for c in verb.children if c.dep_ in clauses and c.i > verb.i and _own_clause(c)]
    cut = min((c.left_edge.i for c in own), default=None)
    tokens = [t for t in verb.subtree if (cut is None or t.i < cut) and t.i >= verb.i]
    if cut is None:
        # What follows to the end of the sentence without a subject of its own still belongs
        # to the clause, wherever the parser hung it ("a deal for Ukraine to acquire over 5,000
        # Thales made [parsed as a verb of its own] lightweight-multirole missiles").
        rest = [t for t in verb.sent if t.i > tokens[-1].i]
        if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest):
            tokens += rest
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].pos_ == "CCONJ"):
        tokens.pop()
    start = min(verb.idx, thing.left_edge.idx) if thing is not None else verb.idx
    last = tokens[-1]
    return start, last.idx + len(last.text)


def _own_clause(token) -> bool:
    """A clause with a subject, or a conjoined verb with an auxiliary, of its own: "..., and
    Greece offered", "... but will not send troops"."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return (not infinitive and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)) or (
        token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("aux", "auxpass", "neg") for c in token.children))


def _content(verb, thing) -> list:
    """The words of what the verb commits: its objects and complements, without clauses of
    their own ("guarantees that leaders said would include ...") and without its subject, save
    the things committed when the sentence names them first."""
    skip = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "advcl", "parataxis", "relcl", "mark")
            for t in c.subtree}
    skip |= {t.i for c in verb.children if c.dep_ == "conj" and _own_clause(c) for t in c.subtree}
    for token in verb.subtree:
        if token.dep_ == "relcl" and token.i not in skip:
            skip |= {t.i for t in token.subtree}
    words = [t for t in verb.subtree if t.i not in skip and t.i != verb.i]
    if thing is not None:
        words += [t for t in thing.subtree if t.i not in {s.i for s in verb.subtree}]
    return words


def _content_kind(words) -> tuple[str, object] | None:
    """The kind of commitment its words say and the word that says it: troops before weapons,
    weapons before aid, aid before the rest."""
    for kind, nouns in _CONTENT:
        if kind == "troops":
            # "send forces", "contribute naval forces": forces handed over are troops.
            nouns = nouns | {w.lower_ for w in words if w.dep_ == "dobj" and base_in(w, frozenset({"force"}))}
        for word in words:
            if kind == "weapons" and _AIRCRAFT_MODEL.match(word.text):
                return kind, word
            if kind == "aid" and word.pos_ == "NOUN" and base_in(word, _SUPPORT_NOUNS) \
                    and any(c.dep_ == "amod" and c.lower_ in ("military", "financial") for c in word.children):
                return kind, word      # "increased military support for Ukraine" is aid
            if word.pos_ not in ("NOUN", "PROPN", "VERB") or not base_in(word, nouns):
                continue
            if word.lower_ == "boots" and "ground" not in {t.lower_ for t in word.head.subtree}:
                continue      # "boots on the ground", "put boots on the ground"
            if base_in(word, _NEEDS_MILITARY) and not any(c.lower_ == "military" for c in word.children):
                continue
            if word.lower_ in ("system", "systems") and not any(c.lower_ in _ARMED_SYSTEMS for c in word.children):
                continue      # "air defence systems", "missile systems"; not "the system of guarantees"
            return kind, word
    return None


def _pledge_of(context: ArticleDoc, verb, thing, stance: str, sentence_text: str):
    """(kind, id key, summary, fields) for the commitment of this verb, or None."""
    lemma = _base(verb)
    # Sanctions to be imposed are threatened ("allies would impose additional sanctions"); those
    # imposed are told.
    if lemma in _THREAT_VERBS or (lemma == "impose" and stance != "plain"):
        # The pressure threatened, not what a clause joined to it steps up ("... and escalate
        # military support").
        joined = {t.i for c in verb.subtree if c.dep_ == "conj" and c.pos_ == "VERB" and c.i != verb.i
                  and base_in(c, COMMITMENT_VERBS) for t in c.subtree}
        own = [t for t in _content(verb, thing) if t.i not in joined]
        pressure = next((t for t in own if t.pos_ == "NOUN" and base_in(t, _PRESSURE_NOUNS)), None)
        if pressure is None:
            return None
        # The pressure as the warning names it, its words before the noun: "massive new sanctions".
        summary = " ".join(t.text for t in pressure.subtree if t.i <= pressure.i and not t.is_punct)
        return "other", _key("other", summary), summary, {}
    if lemma in _JOINING_VERBS:
        # Joining a force is sending troops to it; joining a call to discuss troops is not.
        joined = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]
        force = next((found for j in joined if (found := _TROOPS.search(" ".join(t.text for t in j.subtree)))), None)
        return ("troops", "troops", force.group(0), {}) if force else None
    start, end = _clause(verb, thing)
    clause, offset = context.text[start:end], start
    money = [m for m in find_money(clause, offset)]
    counts = find_counts(clause, offset)
    if money and lemma not in ("increase", "raise", "boost"):
        amount = money[0]
        count = counts[0] if counts else None
        noun = _object_noun(verb)
        summary = f"{amount.text} for {count.text}" if count else \
            (amount.text if noun in amount.text else f"{amount.text} {noun}".strip())
        key = f"money {amount.currency} {_short_amount(amount.value)}"
        fields = {"amount": Amount(value=amount.value, currency=amount.currency)}
        if count:
            fields["quantity"] = Quantity(value=count.value, unit=count.unit)
        return "money", key, summary, {**fields, "_count": count} if count else fields
    percent = find_percent_of_output(clause)
    if percent and re.search(r"spending|budget|GDP|output", clause, re.I) and not (lemma == "spend" and stance == "plain"):
        # "will spend 3.5% of GDP" commits; "spends 2% of GDP" says what is.
        value, said = percent
        target = _TARGET_YEAR.search(clause)
        fields = {"quantity": Quantity(value=value, unit="% of GDP")}
        if target:
            fields["target_year"] = int(target.group("year"))
        summary = f"defence spending of {said}" + (f" by {target.group('year')}" if target else "")
        return "spending", f"spending {value:g} of gdp", summary, fields
    truce = _TRUCE.search(clause)
    if lemma == "propose" and truce:
        length = (truce.group("length") or "").lower()
        summary = f"{length} truce".strip() if truce.group("noun").lower() == "truce" else f"{length} ceasefire".strip()
        return "proposal", f"proposal {length} ceasefire", summary, {}
    if not counts and not money and stance != "plain" and lemma in _TROOP_VERBS | _WEAPON_VERBS:
        counts = _elided_counts(context, verb, clause, offset)
    if counts and _TROOPS.search(counts[0].unit) and lemma in _TROOP_VERBS:
        return _counted("troops", counts[0])
    if counts and lemma in _WEAPON_VERBS:
        return _counted("weapons", counts[0])
    deployment = _DEPLOYMENT.search(clause) if lemma in _SIGNING_VERBS else None
    if deployment:
        # "signed a declaration of intent on the deployment of multinational forces".
        return "troops", "troops", deployment.group(0), {}
    troops = _TROOPS.search(clause)
    if troops is None and thing is not None and base_in(thing, _FORCE_NOUNS) and lemma in _TROOP_VERBS:
        # "French and British forces to deploy": forces that deploy are troops.
        troops = re.search(re.escape(thing.text), clause)
    if troops is None and lemma == "deploy" and stance != "plain" and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in verb.children) and _a_sender(_subject(verb)):
        # "be ready to deploy ... in the event of a peace deal": a country that deploys sends forces.
        troops = re.search(re.escape(verb.text), clause)
    if troops and lemma in _TROOP_VERBS:
        word = troops.group(0)
        summary = word if "Ukraine" not in sentence_text else (
            "troops for Ukraine" if word.lower() == "troops" else f"troops for Ukraine ({word})")
        return "troops", "troops", summary, {}
    # No figure: a commitment only when it is firm (a firm verb, a future) and says what it
    # hands over ("vowing to provide security guarantees", "will contribute to ...").
    words = _content(verb, thing)
    # Sanctions announced are measures taken: "the UK announced its biggest-ever sanctions".
    announced = lemma == "announce" and any(t.pos_ == "NOUN" and base_in(t, _PRESSURE_NOUNS) for t in words)
    if stance == "plain" and lemma not in _FIRM_VERBS and not announced:
        return None
    if lemma in _STEPPING_UP:
        # What is stepped up is the verb's object: "will step up their efforts ... and seek to
        # involve the US in their support" steps up efforts, and commits no support; and what
        # it is for: "accelerate a program to produce 5,000 missiles".
        words = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
        words += [t for c in verb.children if c.dep_ == "xcomp" and base_in(c, _MAKING_VERBS) for t in c.subtree]
    found = _content_kind(words)
    if found is None or (lemma not in _FIRM_VERBS | _GIVING_VERBS | _STEPPING_UP and not announced):
        return None
    kind, word = found
    if kind == "weapons" and counts and lemma in _STEPPING_UP:
        return _counted("weapons", counts[0])
    summary = _summary(word)
    return kind, _key(kind, summary), summary, {}


def _key(kind: str, summary: str) -> str:
    """The id key of a commitment without figures: one actor's troops are one pledge, anything
    else is told apart by the content words of its summary."""
    if kind == "troops":
        return "troops"
    return " ".join([kind, *(w for w in re.findall(r"[a-z0-9]+", summary.lower()) if w not in STOP_WORDS)])


def _counted(kind: str, count: Count):
    """(kind, id key, summary, fields) of a commitment of troops or weapons with its count. One
    actor's troops are one pledge whatever the count, so that sources giving different counts
    for it disagree on its figure; weapons are told apart by their count and unit."""
    key = "troops" if kind == "troops" else f"weapons {count.value:g} {count.unit.split()[-1]}"
    return kind, key, count.text, {"quantity": Quantity(value=count.value, unit=count.unit), "_count": count}


def _elided_counts(context: ArticleDoc, verb, clause: str, offset: int) -> list[Count]:
    """A count whose unit the sentence before gave: "... a force of 10,000 to 20,000 troops.
    ... officials have briefed that Britain could provide as many as 10,000"."""
    bare = _BARE_COUNT.search(clause)
    if bare is None:
        return []
    value = number_value(bare["number"], None)
    if 1900 <= value <= 2100 and "," not in bare["number"]:
        return []
    sentences = context.sentences
    index = next((i for i, s in enumerate(sentences) if s.start_char <= verb.idx < s.end_char), 0)
    if index == 0 or context.paragraph_of(sentences[index - 1].start_char) != context.paragraph_of(verb.idx):
        return []
    before = sentences[index - 1]
    earlier = find_counts(context.text[before.start_char:before.end_char])
    if not earlier:
        return []
    qualifier = (bare["qualifier"] or "").strip().lower()
    return [Count(value, earlier[-1].unit, qualifier, bare.group(0).strip(), offset + bare.start(), offset + bare.end())]


def _summary(word) -> str:
    """What is handed over, as the article puts it: "provide security guarantees", "continue
    the flow of military aid"."""
    if word.pos_ == "VERB" and word.dep_ != "dobj":
        # "to support the coalition and to play a key role": the verb and its object.
        obj = next((c for c in word.children if c.dep_ in ("dobj", "prep")), None)
        return f"{word.text} {text_of(phrase(obj, set(), 6))}".strip() if obj is not None else word.text
    while word.dep_ in ("compound", "amod", "pobj", "prep") and word.head.i != word.i \
            and word.head.pos_ in ("NOUN", "PROPN", "ADP"):
        word = word.head      # "aid" of "an aid package", of "the flow of military aid"
    text = text_of(phrase(word, set(), 6)) or word.text
    if word.dep_ == "prep" and word.head.lower_ == "responsible":
        return f"responsible {text}"
    governor = word.head       # "send a joint military delegation"; "promised" says nothing
    return f"{governor.text} {text}" if word.dep_ == "dobj" and governor.pos_ == "VERB" \
        and not base_in(governor, _FIRM_VERBS) else text


def _condition(context: ArticleDoc, index: int, verb, thing) -> tuple[str | None, str | None]:
    """What the commitment depends on, and the later sentence that says it if not its own:
    "... would be placed in Ukraine. ... the arrangement would be dependent upon an American
    security guarantee". A condition in another clause of the sentence is that clause's."""
    sentence = context.sentences[index]
    start, end = _clause(verb, thing, ("conj",))     # a condition is a clause of its own
    subject = _subject(verb)
    before = min(subject.left_edge.idx, verb.idx) if subject is not None else verb.idx
    # A condition on a verb that frames this one is this one's too: "signed a declaration,
    # committing to deploy forces, should a ceasefire be reached".
    framing = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
               for token in _chain(verb)[1:] for c in token.children if c.dep_ == "advcl" and c.i > verb.i]
    for match in _CONDITION.finditer(context.text, sentence.start_char, sentence.end_char):
        if start <= match.start() < end or match.end() <= before or any(a <= match.start() < b for a, b in framing):
            return " ".join(match.group(0).split()), None
    sentences = context.sentences
    if index + 1 < len(sentences):
        following = sentences[index + 1]
        if context.paragraph_of(sentence.start_char) == context.paragraph_of(following.start_char):
            later = _LATER_CONDITION.search(context.text, following.start_char, following.end_char)
            if later:
                return " ".join(later["condition"].split()), context.quote_of(following)
    return None, None


def _base(verb) -> str:
    if _takes_on(verb):
        return "undertake"      # "will be responsible for logistics" undertakes them
    if _takes_part(verb):
        return "participate"    # "ready to take part in a reassurance force"
    if _issues_threat(verb):
        return "threaten"       # "issued an ultimatum: ... or confront severe sanctions"
    return next((base for base in COMMITMENT_VERBS if base_in(verb, frozenset({base}))), verb.lower_)


def _commits(token) -> bool:
    """A commitment verb, or a phrase that commits as one does ("will be responsible for",
    "take part in", "issued an ultimatum", "added another £1.6 billion")."""
    return (base_in(token, COMMITMENT_VERBS) and token.pos_ in ("VERB", "AUX")) or _takes_on(token) \
        or _takes_part(token) or _issues_threat(token) or _adds_a_sum(token)


def _adds_a_sum(verb) -> bool:
    """"Starmer added another £1.6 billion in UK export finance": a sum added is committed."""
    if verb.pos_ != "VERB" or not base_in(verb, _ADD):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    words = list(obj.subtree)
    return bool(find_money(obj.doc.text[words[0].idx:words[-1].idx + len(words[-1].text)]))


_ADD = frozenset({"add"})


def _a_sender(subject) -> bool:
    """A subject that sends forces when it deploys: not the forces themselves."""
    return subject is not None and not any(_is_thing(t) or t.lower_ in _FORCE_WORDS for t in subject.subtree)


def _takes_part(verb) -> bool:
    return verb.pos_ == "VERB" and base_in(verb, _TAKE) and any(c.lower_ == "part" and c.dep_ == "dobj" for c in verb.children)


def _issues_threat(verb) -> bool:
    return verb.pos_ == "VERB" and base_in(verb, _ISSUE) and any(
        c.dep_ == "dobj" and c.lower_ in ("ultimatum", "warning", "threat") for c in verb.children)


_TAKE = frozenset({"take"})
_ISSUE = frozenset({"issue", "deliver", "give"})


def _takes_on(verb) -> bool:
    """"Be" that says its subject is responsible for a task."""
    return verb.pos_ == "AUX" and any(c.lower_ == "responsible" and c.dep_ == "acomp" for c in verb.children)


def _object_noun(verb) -> str:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj.text if obj is not None else ""


# Across articles ------------------------------------------------------------------------------

def _combine(results: list[ArticleFacts], people: People) -> Merged:
    merged: dict[str, Pledge] = {}
    pledge_map: dict[tuple[str, str], str] = {}
    evidence = EvidenceLists()
    for result, pledges in zip(results, _resolved(results, people)):
        for old_id, pledge in pledges:
            pledge_map[(result.source, old_id)] = pledge.id
            current = merged.get(pledge.id)
            if current is None:
                merged[pledge.id] = pledge
                continue
            evidence.add(current.evidence, pledge.evidence)
            # One article's firm statement of a commitment outweighs another's hedged one.
            if (pledge.confidence or 0) > (current.confidence or 0):
                current.confidence, current.basis = pledge.confidence, pledge.basis
            for field in ("condition", "target_year", "quantity", "amount"):
                if getattr(current, field) is None and getattr(pledge, field) is not None:
                    setattr(current, field, getattr(pledge, field))
    pledges = sorted(merged.values(), key=lambda p: p.id)
    by_id = {pledge.id: pledge for pledge in pledges}
    return Merged(pledges, lambda claim: _remap_claim(claim, pledge_map, by_id))


def _resolved(results: list[ArticleFacts], people: People) -> list[list[tuple[str, Pledge]]]:
    """Per article, (old id, pledge) with a "person:<id>" actor replaced by that person's
    country as all the articles together give it; a pledge whose country stays unknown is
    left out: whose pledge it was cannot be stated."""
    names = {(result.source, person.id): person.name
             for result in results for person in result.people + result.candidates}
    resolved = []
    evidence = EvidenceLists()
    for result in results:
        pledges = []
        for pledge in result.pledges:
            pledge = pledge.model_copy(deep=True)
            old_id = pledge.id
            if pledge.actor.startswith(PERSON_PREFIX):
                person_id = pledge.actor.removeprefix(PERSON_PREFIX)
                country = people.country_by_name(names.get((result.source, person_id)))
                if not country:
                    continue
                if pledge.kind == "troops" and country in _troop_destinations(" ".join(e.quote for e in pledge.evidence)):
                    continue     # the signer whose country the troops are to go to sends none
                pledge.actor = country
                pledge.id = f"{country.lower()}-{old_id[len(person_id) + 1:]}"
            if gazetteer.place(pledge.actor) is None:
                continue     # an actor `check` would reject: no country or organisation by that id
            same = next((p for _, p in pledges if p.id == pledge.id), None)
            if same is not None:     # "Starmer" and "the UK" making one pledge in one article
                evidence.add(same.evidence, pledge.evidence)
                continue
            pledges.append((old_id, pledge))
        resolved.append(pledges)
    return resolved


def _remap_claim(claim: FigureClaim, pledge_map, pledges: dict[str, Pledge]) -> FigureClaim | None:
    if not claim.key.startswith("pledge|"):
        return claim
    _, old_id, unit = claim.key.split("|", 2)
    new_id = pledge_map.get((claim.source, old_id))
    pledge = pledges.get(new_id)
    if pledge is None:
        return None
    place = gazetteer.place(pledge.actor)
    actor = place.name if place else pledge.actor
    return claim.model_copy(update={
        "key": f"pledge|{new_id}|{unit}",
        "about": f"number of {unit} in the {actor} {pledge.kind} pledge",
    })


def _published(results: list[ArticleFacts], people: People) -> list[list[Pledge]]:
    return [[pledge for _, pledge in pledges] for pledges in _resolved(results, people)]


def _committed(results: list[ArticleFacts], people: People) -> list[list[tuple[str, str]]]:
    """Per article, the countries that make a commitment, not merely propose or weigh one."""
    return [[(pledge.actor, pledge.evidence[0].quote) for _, pledge in pledges
             if pledge.kind != "proposal" and pledge.basis != "pledges.possible"]
            for pledges in _resolved(results, people)]


def _run(context: ArticleDoc) -> dict[str, list]:
    # A commitment's quantities are figures too, which sources may give differently.
    pledges, claims = extract_pledges(context)
    return {"pledges": pledges, "claims": claims}


KIND = StoryExtraction(Extractor(EXTRACTOR, "pledges", _run), _combine, _published, _committed)
