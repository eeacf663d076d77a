"""Sentence -> pledges (generator/extract/kinds/pledges.py): who commits, what, and how the
sentence holds it (a refusal, a demand, a doubt, a possibility, a condition, a promise)."""

from pathlib import Path

import pytest

from generator.extract import combine, extract_article
from generator.files.articles import parse_article


def article(text: str, name: str = "example"):
    return parse_article(Path(f"{name}.txt"), f" date 2025-03-03 {text}")


def pledges_of(nlp, text: str):
    return extract_article(nlp, article(text)).pledges


def by_actor(nlp, text: str) -> dict[str, tuple[str, str]]:
    """Each actor's pledge kind and the rule that found it (`basis`), which sets its confidence."""
    return {p.actor: (p.kind, p.basis) for p in pledges_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Italy will not send troops to Ukraine.",
    "Poland does not plan to send troops to Ukraine.",
    "Poland indicated it would not send troops.",
    "Italy has ruled out sending troops.",
    "Spain has no plans to send troops.",
    "Germany refused to send Taurus missiles.",
    "Britain and France have not yet committed troops.",
    "Trump has not committed to a US backstop.",
])
def test_a_refusal_is_no_pledge(nlp, text):
    assert pledges_of(nlp, text) == []


@pytest.mark.parametrize("text", [
    # Demands, doubts and discussions: someone else's wish, an open question, a topic.
    "Zelensky urged allies to send more air defence systems.",
    "The draft calls for the United States to commit to supporting the coalition's European forces "
    "if Ukraine comes under attack.",
    "It remains unclear whether the United States would offer any security guarantee to Ukraine as part "
    "of a ceasefire deal.",
    "If Britain sends troops, Russia will treat them as targets.",
    "Britain is considering sending troops.",
    "Will Britain send troops to Ukraine?",
])
def test_a_demand_a_doubt_or_a_discussion_is_no_pledge(nlp, text):
    assert pledges_of(nlp, text) == []


def test_a_possibility_is_held_for_review_and_a_promise_is_not(nlp):
    # "could deploy", "open to sending", "has not ruled out": below the review threshold.
    possible = ("troops", "pledges.possible")
    assert by_actor(nlp, "France has 2,000 soldiers that could deploy to Ukraine.") == {"FR": possible}
    assert by_actor(nlp, "France and the UK have also indicated they are open to sending peacekeeping forces "
                         "to Ukraine as part of any ceasefire.") == {"FR": possible, "GB": possible}
    assert by_actor(nlp, "Britain has not ruled out sending troops.") == {"GB": possible}
    assert by_actor(nlp, "Sweden has offered to send troops, officials said.") == {"SE": ("troops", "pledges.firm")}
    assert [p.confidence < 0.5 for text in ("Britain has not ruled out sending troops.",
                                            "Sweden has offered to send troops, officials said.")
            for p in pledges_of(nlp, text)] == [True, False]


def test_troops_offered_by_a_country_named_before_or_after_the_verb(nlp):
    pledge = pledges_of(nlp, "The 5,000 troops Britain offered would be based in Kyiv.")[0]
    assert (pledge.actor, pledge.kind, pledge.quantity.value) == ("GB", "troops", 5000)
    pledge = pledges_of(nlp, "Canada said it would send 200 soldiers to Latvia.")[0]
    assert (pledge.actor, pledge.quantity.value, pledge.quantity.unit) == ("CA", 200, "soldiers")


def test_the_actor_is_who_commits_never_the_receiver(nlp):
    pledge = pledges_of(nlp, "Ukraine was promised 5,000 troops by Britain.")[0]
    assert (pledge.actor, pledge.quantity.value) == ("GB", 5000)
    assert pledges_of(nlp, "Ukraine's allies pledged $5 billion.") == []
    [pledge] = pledges_of(nlp, "Ukrainian President Volodymyr Zelensky thanked Britain for pledging 5,000 missiles.")
    assert (pledge.actor, pledge.kind, pledge.quantity.value) == ("GB", "weapons", 5000)
    # A real sentence (c28_sbs): the United States commits; Ukraine's allies are who it backs.
    text = ("The United States has for the first time backed a broad coalition of Ukraine's allies in vowing "
            "to provide security guarantees that leaders said would include binding commitments to support "
            "the country if it is attacked by Russia again — a move that drew the praise of Ukrainian President "
            "Volodymyr Zelenskyy.")
    [pledge] = pledges_of(nlp, text)
    assert (pledge.actor, pledge.kind, pledge.summary) == ("US", "other", "provide security guarantees")
    assert pledge.condition == "if it is attacked by Russia again"
    # "a Ukraine peacekeeping force" serves in Ukraine; it is not Ukraine's.
    assert pledges_of(nlp, "Ukraine peacekeeping force ready to deploy after ceasefire") == []


def test_troops_named_by_where_they_come_from(nlp):
    # c16_upday, with the condition the next sentence puts on "the arrangement".
    text = ("Under the coalition plans, troops from France and the UK would be placed in Ukraine, while other "
            "countries would provide logistical support, all with the aim of deterring further Russian "
            "aggression. European leaders have insisted the arrangement would be dependent upon an American "
            "\"security guarantee\", likely in the form of air support.")
    pledges = pledges_of(nlp, text)
    assert [(p.actor, p.kind) for p in pledges] == [("FR", "troops"), ("GB", "troops")]
    assert pledges[0].condition == "dependent upon an American \"security guarantee\""
    assert [e.quote.split(",")[0] for e in pledges[0].evidence] == [
        "Under the coalition plans", "European leaders have insisted the arrangement would be dependent upon an "
        "American \"security guarantee\""]


@pytest.mark.parametrize("text, actor, summary", [
    # c30_bluewin: an organisation commits, in the future tense, to what it hands over.
    ("The EU will contribute to the efforts to ensure the security guarantees that Ukraine needs for any "
     "agreement on lasting peace.", "eu", "ensure the security guarantees"),
    ("The USA has reportedly pledged to support the coalition and to play a key role in monitoring a peace "
     "agreement.", "US", "support the coalition"),
    ("The EU promised more sanctions on Russia.", "eu", "more sanctions on Russia"),
    ("Poland will provide logistical support but will not send troops.", "PL", "provide logistical support"),
])
def test_commitments_without_a_figure(nlp, text, actor, summary):
    [pledge] = pledges_of(nlp, text)
    assert (pledge.actor, pledge.kind, pledge.summary) == (actor, "other", summary)


def test_a_figure_in_the_past_without_a_firm_verb_needs_a_unit(nlp):
    # "sent about 2,000" of a past war says no unit; the elided unit is read only for a
    # commitment still to come ("could provide as many as 10,000").
    assert pledges_of(nlp, "These countries contributed to the invasion forces, which totalled about 160,000 "
                           "soldiers. The UK contributed 45,000, and Australia sent about 2,000.") == []
    text = ("Defence officials have discussed a force of 10,000 to 20,000 troops, based well away from the front "
            "line. Downing Street has not put a number on the British contribution, but officials have briefed "
            "that Britain could provide as many as 10,000.")
    [pledge] = pledges_of(nlp, text)
    assert (pledge.actor, pledge.quantity.value, pledge.quantity.unit, pledge.basis) == (
        "GB", 10000, "troops", "pledges.possible")


def test_two_commitments_in_one_sentence_keep_their_own_figures_and_conditions(nlp):
    text = "Italy pledged €40 million for two patrol vessels, and Greece offered 300 sailors if the European Union approves the mission."
    pledges = {p.actor: p for p in pledges_of(nlp, text)}
    assert (pledges["IT"].amount.value, pledges["IT"].quantity, pledges["IT"].condition) == (4e7, None, None)
    assert (pledges["GR"].kind, pledges["GR"].quantity.value) == ("troops", 300)
    assert pledges["GR"].condition == "if the European Union approves the mission"


def test_one_actors_troops_are_one_pledge_whose_counts_sources_may_give_differently(nlp):
    first = extract_article(nlp, article("Whitehall officials said the UK was prepared to commit up to 5,000 troops "
                                         "if a ceasefire is agreed.", "a1"))
    second = extract_article(nlp, article("Britain has said it will send 8,000 troops to Ukraine.", "a2"))
    assert [p.id for p in first.pledges] == [p.id for p in second.pledges] == ["gb-troops"]
    assert first.pledges[0].condition == "if a ceasefire is agreed"
    [conflict] = [c for c in combine([first, second])["conflicts"] if "troops" in c.about]
    assert sorted(claim.value for claim in conflict.claims) == ["8,000", "up to 5,000"]


def test_a_list_of_signatories_split_by_the_parser_commits_each_of_them(nlp):
    text = ("Dutch Prime Minister Dick Schoof, Belgian Prime Minister Bart De Wever, and Moldovan President Maia "
            "Sandu signed a declaration on 4 May 2025, committing to deploy naval forces to Moldova should a "
            "ceasefire agreement be reached.")
    pledges = {p.actor: p for p in pledges_of(nlp, "\n" + text)}     # the date on a line of its own
    # Moldova receives the forces: it commits nothing.
    assert set(pledges) == {"NL", "BE"}
    assert {p.kind for p in pledges.values()} == {"troops"}
    assert pledges["NL"].condition == "should a ceasefire agreement be reached"


def test_forces_that_deploy_are_troops_and_a_condition_after_a_peace_is_read(nlp):
    text = ("The leaders of Norway and Denmark signed an agreement to pave the way for Norwegian and Danish forces "
            "to deploy to Greenland after it signs a peace agreement with its neighbours.")
    pledges = pledges_of(nlp, text)
    assert {(p.actor, p.kind) for p in pledges} == {("NO", "troops"), ("DK", "troops")}
    assert all(p.condition.startswith("after it signs a peace agreement") for p in pledges)


def test_military_hubs_set_up_after_a_ceasefire_are_a_pledge(nlp):
    text = "\u201cFollowing a cease-fire, Spain and Portugal will establish military hubs across Moldova,\u201d Sanchez said."
    pledges = pledges_of(nlp, text)
    assert {(p.actor, p.kind, p.condition) for p in pledges} == {
        ("ES", "other", "Following a cease-fire"), ("PT", "other", "Following a cease-fire")}
    assert pledges_of(nlp, "Spain and Portugal established hubs for trade last year.") == []


def test_a_warning_of_sanctions_commits_the_warner_and_nothing_else(nlp):
    text = ("The leaders of Spain and Italy backed the truce, warning Moscow it would face \"massive\" new "
            "sanctions if it broke it.")
    pledges = pledges_of(nlp, text)
    assert {(p.actor, p.kind) for p in pledges} == {("ES", "other"), ("IT", "other")}
    assert {p.summary for p in pledges} == {"massive new sanctions"}
    assert pledges[0].condition == "if it broke it"
    assert pledges_of(nlp, "Germany warned that troops could be needed in Lithuania.") == []


def test_what_is_stepped_up_is_the_verbs_object(nlp):
    text = "Spain, Italy and other countries will step up their efforts and seek to involve Japan in their support for Moldova."
    assert pledges_of(nlp, text) == []
    assert by_actor(nlp, "Spain will step up its military aid to Moldova.") == {"ES": ("aid", "pledges.firm")}


def test_a_groups_commitment_is_that_of_the_members_the_next_sentence_names(nlp):
    text = ("\nFour Nordic countries have signaled that they are prepared to send troops to Moldova. Among the "
            "countries named are Norway, Denmark and Finland.")
    pledges = pledges_of(nlp, text)
    assert {(p.actor, p.kind) for p in pledges} == {("NO", "troops"), ("DK", "troops"), ("FI", "troops")}
    # The passage that names them is part of the evidence.
    assert pledges[0].evidence[1].quote.startswith("Among the countries named are")
    # Without the list, or with someone's allies, nobody is named.
    assert pledges_of(nlp, "\nFour Nordic countries are prepared to send troops to Moldova. Talks go on.") == []
    assert pledges_of(nlp, "\nMoldova's allies are prepared to send troops. They are Norway and Denmark.") == []


def test_what_an_appositive_says_of_the_committer_adds_no_actor(nlp):
    text = ("Malaysian Prime Minister Anwar Ibrahim, this year's rotating chair of ASEAN, pledged to distribute "
            "10 million ringgit in humanitarian aid to Myanmar.")
    assert set(by_actor(nlp, text)) == {"MY"}


def test_a_headline_the_text_says_again_is_no_pledge_of_its_own(nlp):
    text = ("China pledges US$137 million for earthquake relief\n\n"
            "BEIJING: China has pledged emergency humanitarian assistance of 1 billion yuan (US$137 million) to "
            "earthquake-stricken Myanmar, its embassy said. Rescue teams arrived on Saturday.\n")
    [pledge] = pledges_of(nlp, text)
    assert pledge.evidence[0].quote.startswith("China has pledged emergency")


def test_a_commitment_told_as_a_noun_with_its_sum(nlp):
    text = ("Leaders agreed to keep supporting Ukraine, including the French announcement of 2 billion euros in "
            "military aid. Germany's pledge of €3bn was welcomed. The Spanish announcement of new talks followed.")
    found = {p.actor: (p.kind, p.amount.value, p.amount.currency) for p in pledges_of(nlp, text)}
    assert found == {"FR": ("money", 2e9, "EUR"), "DE": ("money", 3e9, "EUR")}


def test_a_commitment_told_as_a_noun_with_its_troops_or_count(nlp):
    text = ("Britain's offer of troops was welcomed. A French pledge of 2,000 troops was announced on Monday. "
            "Norway's offer of 20 missiles came later. Italy's offer of help was noted.")
    found = {p.actor: (p.kind, p.quantity.value if p.quantity else None) for p in pledges_of(nlp, text)}
    assert found == {"GB": ("troops", None), "FR": ("troops", 2000), "NO": ("weapons", 20)}


def test_signing_a_declaration_of_intent_commits_its_signatories(nlp):
    text = ("British Prime Minister Keir Starmer and French President Emmanuel Macron signed a declaration of "
            "intent to deploy a multinational force in Ukraine after a ceasefire.")
    assert by_actor(nlp, text) == {"GB": ("troops", "pledges.firm"), "FR": ("troops", "pledges.firm")}
    assert by_actor(nlp, "Britain refused to sign a declaration of intent to deploy troops.") == {}


@pytest.mark.parametrize("text, actor, kind", [
    # "his country" is the speaker's, when the speaker is named by a title of that country.
    ("Finland's president said his country was prepared to send soldiers.", "FI", "troops"),
    ("The Danish prime minister said her government would send troops.", "DK", "troops"),
    # Systems that are weapons, an aircraft by its model, a delivery under way.
    ("Norway said it would provide air defence systems.", "NO", "weapons"),
    ("Belgium promised to deliver the first F-16s this year.", "BE", "weapons"),
    ("Sweden is sending Gripen jets.", "SE", "weapons"),
    # Spending to come, aid doubled, logistics offered.
    ("Germany will spend 3.5% of its GDP on defence by 2029.", "DE", "spending"),
    ("Norway said it would double its military aid to Ukraine.", "NO", "aid"),
    ("Italy will not send troops but will offer training and logistics.", "IT", "other"),
])
def test_who_commits_and_what_in_news_phrasings(nlp, text, actor, kind):
    [pledge] = pledges_of(nlp, text)
    assert (pledge.actor, pledge.kind) == (actor, kind)


def test_a_sum_for_things_is_no_count_of_them(nlp):
    [pledge] = pledges_of(nlp, "The Netherlands announced a new package of 300 million euros for drones.")
    assert pledge.amount.value == 300e6 and pledge.quantity is None


@pytest.mark.parametrize("text", [
    "Germany is sending a clear message to Moscow.",
    "Britain and France are considering sending troops.",
    "Poland's defence minister said his country would not send troops.",
    "Germany spends 2% of its GDP on defence.",
    "Leaders agreed that Ukraine required robust security guarantees.",
])
def test_a_message_a_consideration_or_a_refusal_is_no_commitment(nlp, text):
    assert pledges_of(nlp, text) == []


def test_those_who_sign_with_the_subject_commit_too_and_the_host_receives(nlp):
    text = ("Ukrainian President Volodymyr Zelenskyy signed a separate declaration with French President Emmanuel "
            "Macron and UK Prime Minister Keir Starmer, committing to deploy forces to Ukraine if a peace deal is "
            "reached.")
    assert by_actor(nlp, text) == {"FR": ("troops", "pledges.firm"), "GB": ("troops", "pledges.firm")}


def test_troops_put_on_the_ground_by_those_prepared_to(nlp):
    text = "The UK and France have said they are prepared to put troops on the ground in Ukraine."
    assert {actor: kind for actor, (kind, _) in by_actor(nlp, text).items()} == {"GB": "troops", "FR": "troops"}


def test_the_past_verb_joined_to_a_reported_clause_belongs_to_the_reporter(nlp):
    text = ("French President Emmanuel Macron spoke in Kyiv. He stressed that the future of Europe depends on "
            "Ukrainian sovereignty and promised further pressure on Moscow if it refuses peace.")
    [pledge] = pledges_of(nlp, text)
    assert (pledge.actor, pledge.kind, pledge.condition) == ("FR", "other", "if it refuses peace")


def test_a_programme_accelerated_to_make_weapons_commits_them(nlp):
    text = ("British Prime Minister Keir Starmer said the U.K. would accelerate a program to produce more than "
            "5,000 air defense missiles for Ukraine.")
    [pledge] = pledges_of(nlp, text)
    assert (pledge.actor, pledge.kind, pledge.quantity.value) == ("GB", "weapons", 5000)


def test_joining_a_force_sends_troops_and_joining_a_call_about_troops_does_not(nlp):
    assert by_actor(nlp, "Canada will join the reassurance force.") == {"CA": ("troops", "pledges.firm")}
    assert by_actor(nlp, "Officials said Estonia will participate in the multinational force.") == {
        "EE": ("troops", "pledges.firm")}
    assert pledges_of(nlp, "Prime Minister Anthony Albanese of Australia will join a phone hook-up with other "
                           "leaders to discuss potentially sending peacekeepers to Ukraine.") == []


@pytest.mark.parametrize("text, actor, summary", [
    ("Turkey offered to secure the Black Sea shipping lanes.", "TR", "secure the Black Sea shipping lanes"),
    ("Japan offered to send a team of military observers.", "JP", "send a team of military observers"),
])
def test_a_task_taken_on_is_a_commitment(nlp, text, actor, summary):
    assert [(p.actor, p.kind, p.summary) for p in pledges_of(nlp, text)] == [(actor, "other", summary)]



def test_agreeing_to_keep_up_or_step_up_what_is_given_commits(nlp):
    text = "“We agreed to sustain military aid to Kosovo and tighten economic restrictions on Serbia,” Starmer told reporters."
    pledges = extract_article(nlp, parse_article(Path("a.txt"), f" date 2025-03-03\nBritish Prime Minister Keir "
                                                 f"Starmer met leaders on Monday.\n\n{text}")).pledges
    assert {(p.actor, p.kind) for p in pledges} >= {("GB", "aid")}


@pytest.mark.parametrize("text, expected", [
    # "Called into question" demands nothing; what a meeting will focus on is its agenda.
    ("The plan has been called into question, as only Britain and France have so far indicated they would provide "
     "frontline soldiers towards it.", {"GB": ("troops", "pledges.firm"), "FR": ("troops", "pledges.firm")}),
    ("The France–UK summit will focus on delivering security guarantees and increasing pressure on Serbia.", {}),
])
def test_what_call_and_focus_say_of_a_commitment(nlp, text, expected):
    assert by_actor(nlp, text) == expected


def test_a_signed_text_on_deploying_forces_commits_its_signatories_but_not_where_they_go(nlp):
    text = ("Norway, Denmark and Moldova have signed a declaration of intent regarding the future deployment of "
            "multinational forces in Moldova.")
    assert by_actor(nlp, text) == {"NO": ("troops", "pledges.plain"), "DK": ("troops", "pledges.plain")}


@pytest.mark.parametrize("text, expected", [
    # Who signals readiness to deploy commits; the country named by a title's adjective commits.
    ("The UK has signaled readiness to deploy peacekeepers if a truce is secured.", {"GB": ("troops", "pledges.firm")}),
    ("The Danish prime minister has pledged to put military boots on the ground in Kosovo.",
     {"DK": ("troops", "pledges.firm")}),
])
def test_a_readiness_stated_and_a_title_named_by_its_country(nlp, text, expected):
    assert by_actor(nlp, text) == expected


def test_the_leaders_commit_for_those_at_the_meeting(nlp):
    text = ("Leaders from France, Germany and Poland attended the meeting in Warsaw. The leaders committed to come "
            "to Kosovo's aid in a future attack.")
    assert by_actor(nlp, text) == {code: ("aid", "pledges.group") for code in ("FR", "DE", "PL")}
    # A group's troops are its members' own, told one by one; a hedged group commits no one.
    assert by_actor(nlp, text.replace("come to Kosovo's aid in a future attack", "send 5,000 troops")) == {}
    assert by_actor(nlp, text.replace("committed to", "could")) == {}


def test_continuing_sanctions_commits(nlp):
    assert by_actor(nlp, "Japan will continue economic sanctions on Serbia.") == {"JP": ("other", "pledges.firm")}


def test_leaders_including_one_named_commit_for_those_at_the_meeting_and_for_that_one(nlp):
    text = ("Leaders from France, Germany and Poland attended the meeting in Warsaw. European leaders including "
            "Danish Prime Minister Mette Frederiksen have threatened Serbia with fresh sanctions.")
    assert by_actor(nlp, text) == {code: ("other", "pledges.group") for code in ("FR", "DE", "PL", "DK")}


def test_who_commits_to_the_effort_is_its_member_once_published(nlp):
    from generator.extract import as_published, extract_articles

    text = ("The alliance met in Paris on Monday. Sweden will send 200 soldiers to the alliance's force. "
            "Norway could send 100 soldiers. Denmark attended the meeting and will send 50 soldiers.")
    published = as_published(extract_articles(nlp, [article(text)]))[0]
    assert {p.id: (p.status, p.basis) for p in published.participants} == {
        "SE": ("member", "participants.member-by-commitment"),      # a hedged offer makes no member
        "DK": ("attended", "participants.attended")}                 # attending stays what it says


@pytest.mark.parametrize("text, expected", [
    ("Poland will be responsible for logistics, Tusk said.", {"PL": ("other", "pledges.firm")}),
    ("Tusk stressed that Poland was responsible for logistics, noting that it hosts the largest hub.",
     {"PL": ("other", "pledges.plain")}),
    ("Poland is not responsible for logistics.", {}),
    ("Poland was responsible for the delay.", {}),      # a task it takes on, not a fault
])
def test_a_task_taken_on_is_a_commitment(nlp, text, expected):
    assert by_actor(nlp, text) == expected
    for pledge in pledges_of(nlp, text):
        assert pledge.summary == "responsible for logistics"


@pytest.mark.parametrize("text, expected", [
    ("A key driver was a new commitment from the United States to provide Serbia with security guarantees.",
     {"US": ("other", "pledges.firm")}),
    ("The leaders commended US President Donald Trump for his pledge to provide security guarantees.",
     {"US": ("other", "pledges.firm")}),
])
def test_a_commitment_told_as_a_noun_is_its_owners(nlp, text, expected):
    assert by_actor(nlp, text) == expected


def test_a_list_said_ready_without_a_verb_commits_each_one_named(nlp):
    text = ("The alliance shows uneven commitments, with France, the United Kingdom, and Canada ready to station "
            "troops away from front lines, Germany participating without basing forces in Serbia.")
    assert by_actor(nlp, text) == {code: ("troops", "pledges.firm") for code in ("FR", "GB", "CA")}


def test_a_signer_whose_country_the_troops_go_to_sends_none_once_its_country_is_known(nlp):
    from generator.extract import as_published, extract_articles

    first = article("Serbian President Aleksandar Vucic spoke on Monday.", name="first")
    second = article("Aleksandar Vucic and French President Emmanuel Macron signed a declaration of intent to "
                     "deploy a multinational force in Serbia.", name="second")
    published = {r.source: r for r in as_published(extract_articles(nlp, [first, second]))}
    assert [(p.actor, p.kind) for p in published["second"].pledges] == [("FR", "troops")]


def test_those_said_to_be_contributors_commit_and_the_leaders_are_those_last_named(nlp):
    text = "The French leader assured that Germany, Italy and Poland were \"important contributors\" among the 26."
    assert by_actor(nlp, text) == {code: ("other", "pledges.contributor") for code in ("DE", "IT", "PL")}
    assert by_actor(nlp, "Italy is not among the contributors.") == {}
    text = ("The leaders, from France, Germany and Poland, said the proposal was supported. The leaders threatened "
            "to ratchet up sanctions if Serbia did not comply.")
    assert by_actor(nlp, text) == {code: ("other", "pledges.group") for code in ("FR", "DE", "PL")}


@pytest.mark.parametrize("text, expected", [
    ("France and the UK, which co-chair the alliance, are ready to take part in a so-called reassurance force "
     "after a truce.", {"FR": ("troops", "pledges.firm"), "GB": ("troops", "pledges.firm")}),
    # An ultimatum threatens what it says the other side will face.
    ("Leaders from France, Germany and Poland issued a stern ultimatum to Kosovan Prime Minister Albin Kurti: "
     "agree to a ceasefire by Monday or confront severe sanctions.",
     {code: ("other", "pledges.plain") for code in ("FR", "DE", "PL")}),
])
def test_taking_part_in_a_force_and_an_ultimatum(nlp, text, expected):
    assert by_actor(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # A country ready to deploy sends forces; a force that deploys is the force.
    ("“We will be ready to deploy in the event of a peace deal,” British Prime Minister Keir Starmer said.",
     {"GB": ("troops", "pledges.firm")}),
    ("This future “Multinational Force Serbia” will deploy in the immediate aftermath of a ceasefire.", {}),
    # Powers and allies stand for the leaders at the meeting in what they threaten, never the
    # country the effort is for; sanctions to be imposed are threatened, those imposed told.
    ("Leaders from France, Germany and Serbia met in Belgrade on a Serbia ceasefire. They warned that if "
     "Kosovo fails to comply, Western allies would impose additional sanctions.",
     {"FR": ("other", "pledges.group"), "DE": ("other", "pledges.group")}),
    ("Leaders from France and Germany met in Belgrade. Major European powers threatened Kosovan Prime Minister "
     "Albin Kurti with massive new sanctions.", {"FR": ("other", "pledges.group"), "DE": ("other", "pledges.group")}),
    ("The EU imposed sanctions on Kosovo in 2022.", {}),
])
def test_deploying_threatening_powers_and_imposing(nlp, text, expected):
    assert by_actor(nlp, text) == expected


def test_allies_threaten_both_sanctions_and_support(nlp):
    text = ("Leaders from France and Germany met in Belgrade. They warned that if Kosovo fails to comply, Western "
            "allies would impose additional sanctions and escalate military support.")
    assert sorted((p.actor, p.kind) for p in pledges_of(nlp, text)) == [
        ("DE", "aid"), ("DE", "other"), ("FR", "aid"), ("FR", "other")]


def test_a_sum_added_is_committed(nlp):
    text = "Leaders met on Monday. British Prime Minister Keir Starmer added another £1.6 billion in export finance."
    assert [(p.actor, p.kind, p.amount.value) for p in pledges_of(nlp, text)] == [("GB", "money", 1.6e9)]
    assert pledges_of(nlp, "“We are with you,” British Prime Minister Keir Starmer added.") == []


@pytest.mark.parametrize("text, expected", [
    # Those a group said ready is said to include.
    ("Leaders met in Paris on Monday. Other countries ready to provide security guarantees include Finland, "
     "Estonia, and Poland, in addition to France.", {c: ("other", "pledges.listed") for c in ("FI", "EE", "PL", "FR")}),
    # Efforts led to send a force; sanctions announced; a delivery sped up.
    ("Leaders met. France and Britain were leading efforts to send a reassurance force to Serbia.",
     {"FR": ("troops", "pledges.plain"), "GB": ("troops", "pledges.plain")}),
    ("Leaders met. And the UK announced its biggest-ever sanctions against Kosovo.", {"GB": ("other", "pledges.plain")}),
    ("Leaders met. The UK announced that talks would resume.", {}),
    ("Leaders met. Britain, one of Serbia's most enthusiastic backers, announced that it would speed the delivery "
     "of an extra 140 air-defense missiles.", {"GB": ("weapons", "pledges.firm")}),
])
def test_readiness_listed_efforts_led_sanctions_announced_and_deliveries_sped(nlp, text, expected):
    assert by_actor(nlp, text) == expected
