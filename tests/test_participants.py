"""Participants from news phrasings: who leads, joins, attends, is struck or responds, tries
or suffers a wrong, imposes or is targeted; and what is only a venue, a topic or the other side."""

from __future__ import annotations

import pytest

from generator.extract import extract_article
from tests.test_extract_facts import article


def statuses(nlp, text: str, published: str | None = "2025-03-03") -> dict[str, str]:
    facts = extract_article(nlp, article(text, published=published), kinds=("people", "participants"))
    return {p.id: p.status for p in facts.participants}


@pytest.mark.parametrize("text, expected", [
    # Whoever hosts, chairs, arranges or convenes a meeting leads it.
    ("The call, being arranged by British Prime Minister Sir Keir Starmer, is also set to include the leaders of "
     "France, Germany, Italy, Canada and New Zealand, as well as Ukrainian President Volodymyr Zelenskyy.",
     {"GB": "lead", "FR": "attended", "DE": "attended", "IT": "attended", "CA": "attended", "NZ": "attended",
      "UA": "attended"}),
    ("After the meeting in Paris, which was chaired by the French president Emmanuel Macron and the British prime "
     "minister Keir Starmer, it was announced that 26 nations had agreed to send troops into Ukraine.",
     {"FR": "lead", "GB": "lead"}),
    ("Britain's Prime Minister Keir Starmer, front center, hosts the European leaders' summit to discuss Ukraine "
     "at Lancaster House, London", {"GB": "lead"}),
    ("British Defence Minister John Healy and French Minister of the Armed Forces Sébastien Lecornu will hold a "
     "Coalition of the Willing meeting at NATO headquarters in Brussels on April 10.", {"GB": "lead", "FR": "lead"}),
    ("Austria and Hungary will co-chair the meeting of ministers.", {"AT": "lead", "HU": "lead"}),
    # Two sides holding talks together convene nothing for others.
    ("Austria held talks with Hungary on Monday.", {}),
    # A country that hosts a meeting is its venue.
    ("Switzerland hosted the talks between the two delegations in Geneva.", {}),
    ("Slovenia hosted the meeting of ministers from Croatia and Austria.", {"HR": "attended", "AT": "attended"}),
    # Driving an effort is leading it, with whoever it is driven with; a past effort is not this one.
    ("French President Emmanuel Macron, who has been driving the coalition-building effort with U.K. Prime "
     "Minister Keir Starmer, is expecting 31 delegations around the table Thursday morning.",
     {"FR": "lead", "GB": "lead"}),
    ("In 2003, the United States led a coalition that invaded Iraq.", {}),
    # "The group" goes on about the effort named before it.
    ("The coalition of the willing met again on Monday. The group is jointly led by Britain and France.",
     {"GB": "lead", "FR": "lead"}),
    ("The group is jointly led by Britain and France.", {}),
    ("Organized by French President Emmanuel Macron and British Prime Minister Keir Starmer, the summit drew "
     "30 leaders.", {"FR": "lead", "GB": "lead"}),
    ("French President Emmanuel Macron and British Prime Minister Keir Starmer will lead a video conference on "
     "February 24.", {"FR": "lead", "GB": "lead"}),
])
def test_who_leads(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Among the participants were Leaders and/or Foreign/Defence Ministers of the United Kingdom, France, Germany "
     "and the NATO.", {"GB": "attended", "FR": "attended", "DE": "attended", "nato": "attended"}),
    # An organisation before its members is not there itself: "EU and NATO countries".
    ("Among the participants in the meeting there were generals of 30 EU and NATO countries, including the "
     "United Kingdom and Turkey, but also Japan, Australia and New Zealand.",
     {"GB": "attended", "TR": "attended", "JP": "attended", "AU": "attended", "NZ": "attended"}),
    ("Ukraine's President Volodymyr Zelensky joined by video link.", {"UA": "attended"}),
    ("Premier Jacinda Holm is hosting a summit in Oslo. Other leaders, such as Finnish President Aino Virtanen, "
     "are participating via video link.", {"FI": "attended"}),
    ("The leaders met at the palace. Present are German Chancellor Friedrich Merz and Polish Prime Minister "
     "Donald Tusk.", {"DE": "attended", "PL": "attended"}),
    # A link line is not the article's words.
    ("READ MORE: Leaders from Poland and Sweden attend the summit in Warsaw", {}),
    ("Slovakia will take part in the talks.", {"SK": "attended"}),
    ("Leaders from Poland, Sweden and Norway are expected in London on Sunday.",
     {"PL": "attended", "SE": "attended", "NO": "attended"}),
    # Arriving for the meeting, and where from.
    ("Representatives from 35 countries, including 27 heads of state and government, took part in the "
     "consultations in Paris. Federal Chancellor Friedrich Merz (CDU) traveled from Germany.", {"DE": "attended"}),
    # Who speaks after or at a meeting, or tells it something, was at it.
    ("\"We are ready to commit ourselves to a system of politically and legally binding guarantees,\" said EU "
     "Council President António Costa after the consultations of the so-called \"coalition of the willing\".",
     {"european-council": "attended"}),
    ("Denmark’s prime minister, Mette Frederiksen, told the call her government would provide a further €1.5bn "
     "in military support this year.", {"DK": "attended"}),
    # Direct speech may list those present.
    ("“There [at the meeting] there will be representatives of Europe, as was the case at the summit in Paris. "
     "These are Britain, France, necessarily – Ukraine, and the host party – Turkey,” he said.",
     {"GB": "attended", "FR": "attended", "UA": "attended", "TR": "attended"}),
    # A clause about another occasion, the other side of a ceasefire and an invitation refused are not.
    ("Military chiefs from about 30 countries met in Paris on Tuesday, as U.S. and Ukrainian officials held "
     "talks in Saudi Arabia on ending the war.", {}),
    ("Leaders gathered in Paris to discuss a ceasefire with Russia.", {}),
    ("Canada has been invited to the summit.", {"CA": "likely"}),
    ("The United States was not invited to the meeting.", {}),
])
def test_who_attends(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The death toll from a major earthquake in Myanmar has risen above 3,300 as the United Nations aid chief made "
     "a renewed call for the world to help the disaster-struck nation. The magnitude 7.7 quake struck on March 28.",
     {"MM": "member", "un": "member"}),
    ("Thousands leave their homes as the river floods three villages. Croatia and Austria sent rescue boats "
     "after the flood.", {"HR": "member", "AT": "member"}),
    ("The shallow 7.7-magnitude earthquake on 28 March flattened buildings across Myanmar.", {"MM": "member"}),
    ("The earthquake also shook buildings in Thailand, where a tower collapsed.", {"TH": "member"}),
    # Help goes to the country struck.
    ("China and India sent rescue teams to Myanmar after the earthquake. The quake killed thousands.",
     {"CN": "member", "IN": "member", "MM": "member"}),
    # A past disaster named for comparison, and a metaphor, strike no one now.
    ("The 2015 earthquake in Nepal killed nearly 9,000 people. This quake was stronger.", {}),
    ("In a court ruling many commentators called a political earthquake, Le Pen on Monday was given a prison "
     "term and fine.", {}),
    ("The reform set off a political storm in France, and the storm did not pass.", {}),
])
def test_disasters(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A French appeals court said Tuesday it would examine Marine Le Pen's case within a timeframe that could "
     "allow her to contest the election.", {"FR": "lead"}),
    ("The Paris Court of Appeal said later Tuesday that it would examine Le Pen's case.", {"FR": "lead"}),
    ("She was found guilty of embezzling funds from the European parliament.", {"european-parliament": "member"}),
    # The EU's money is not the EU in the dock, nor a party to the case by that alone.
    ("Le Pen had been at the heart of a scheme to misappropriate more than 4 million euros ($4.3 million) of EU "
     "funds, the judge in the case said.", {}),
    ("The court found the defendants guilty of the misappropriation of EU funds.", {}),
])
def test_court_cases(nlp, text, expected):
    assert statuses(nlp, text) == expected


def test_the_party_the_accused_leads_as_her_role_names_it_is_a_party_to_the_case(nlp):
    text = "Marine Le Pen, the long-time National Rally leader, was found guilty of embezzlement by a Paris court."
    assert statuses(nlp, text, published=None) == {"FR": "lead", "national-rally": "member"}


@pytest.mark.parametrize("text, expected", [
    ("China announced Friday that it will impose a 34% tariff on imports of all U.S. products beginning April 10.",
     {"CN": "member", "US": "member"}),
    ("China has increased tariffs on all goods of United States origin from 84% to 125%.",
     {"CN": "member", "US": "member"}),
    ("Fears of a recession following the US-China trade war led to a drop in markets.",
     {"US": "member", "CN": "member"}),
    ("Washington did not impose tariffs on Canada.", {}),
])
def test_trade_disputes(nlp, text, expected):
    assert statuses(nlp, text) == expected


def test_a_toll_with_thousands_names_the_country_struck_and_response_teams_are_help(nlp):
    text = ("The disaster killed 2,056 people in Myanmar as of noon on Monday. India, Singapore and Vietnam "
            "sent emergency response teams to Myanmar soon after the quake.")
    assert statuses(nlp, text) == {"MM": "member", "IN": "member", "SG": "member", "VN": "member"}


def test_members_an_effort_is_said_to_include_or_to_be_among(nlp):
    text = ("The coalition has grown from initial talks to 35 countries, including EU and non-EU members, Canada "
            "and Japan. The meeting followed talks between officials from France and Estonia, who are among the "
            "founding nations of the coalition.")
    assert statuses(nlp, text) == {"CA": "member", "JP": "member", "FR": "member", "EE": "member"}


@pytest.mark.parametrize("text, expected", [
    # A group said to include them, named at once or after its size.
    ("The coalition includes Belgium, Sweden and the Netherlands.", {"BE": "member", "SE": "member", "NL": "member"}),
    ("The alliance now includes about 30 countries, among them Greece and Portugal.", {"GR": "member", "PT": "member"}),
    ("Members of the coalition such as Denmark and Estonia have offered help.", {"DK": "member", "EE": "member"}),
    # Said of themselves.
    ("Sweden and Finland said they would join the coalition.", {"SE": "member", "FI": "member"}),
    # A plan that includes things names no members.
    ("The plan includes security guarantees for Ukraine and a role for the United States.", {}),
    ("The coalition includes a £1.6 billion deal for 5,000 missiles, boosting UK jobs.", {}),
])
def test_members_a_group_is_said_to_include_or_who_say_they_join(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Leaders met in London on Sunday. British Prime Minister Keir Starmer announced a coalition of the willing "
     "after the talks.", {"GB": "lead"}),
    ("Leaders met in London on Sunday. British Prime Minister Sir Keir Starmer unveiled plans to form a new "
     "coalition of the willing.", {"GB": "lead"}),
    ("Leaders met in London on Sunday. Later, the UK leader Keir Starmer stressed the need for Ukraine to resist "
     "aggression and proposed the creation of a broader security alliance.", {"GB": "lead"}),
    # A meeting announced founds nothing; a group of another year is another group.
    ("Leaders met in London on Sunday. French President Emmanuel Macron announced a meeting of the coalition.", {}),
    ("Leaders met on Sunday. In 2003, US President George W. Bush formed a coalition of the willing to invade Iraq.",
     {}),
])
def test_who_founds_a_group_leads_it(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The UK- and French-led coalition met on Thursday.", {"GB": "lead", "FR": "lead"}),
    ("Britain and France, the coalition's leaders, met in Paris.", {"GB": "lead", "FR": "lead"}),
    ("The coalition is co-chaired by British Prime Minister Keir Starmer and French President Emmanuel Macron.",
     {"GB": "lead", "FR": "lead"}),
    # A plan led from outside the group is not the group's lead.
    ("A US-led plan to end the war was discussed by Germany and Italy.", {}),
])
def test_leads_told_by_a_compound_an_appositive_or_the_people_who_chair(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Joining by video were the leaders of Australia, New Zealand and Japan.",
     {"AU": "attended", "NZ": "attended", "JP": "attended"}),
    ("In attendance were Czech Prime Minister Petr Fiala and Romanian President Klaus Iohannis.",
     {"CZ": "attended", "RO": "attended"}),
    ("Spain and Portugal sent their foreign ministers.", {"ES": "attended", "PT": "attended"}),
    ("The meeting was held in Paris on Thursday. Ukraine was represented by Defence Minister Rustem Umerov.",
     {"UA": "attended"}),
])
def test_attendance_told_by_who_joined_was_in_attendance_sent_or_represented(nlp, text, expected):
    assert statuses(nlp, text) == expected


def test_who_joined_a_leader_at_a_joint_press_conference_told_paragraphs_before_attended(nlp):
    text = ("During a joint press conference in London on Friday, British Prime Minister Keir Starmer said the "
            "group would act to take oil and gas off the global market.\n\n"
            + "He said sanctions had had a significant impact over the past week, and that more was needed. " * 6
            + "\n\nStarmer was joined by NATO Secretary General Mark Rutte and Dutch Prime Minister Dick Schoof.")
    assert statuses(nlp, text) == {"GB": "attended", "nato": "attended", "NL": "attended"}
    # A press conference of one speaker is no meeting of the parties.
    assert statuses(nlp, "At a press conference in London, Starmer, the British prime minister, spoke of Italy "
                         "and Spain.") == {}


def test_acting_through_an_effort_and_attending_as_the_people_named_before(nlp):
    assert statuses(nlp, "Starmer said the UK, France, and other nations will intensify their efforts through a "
                         "coalition of the willing.") == {"GB": "member", "FR": "member"}
    text = ("European Commission President Ursula von der Leyen and Antonio Costa, the President of the European "
            "Council, will visit Kyiv. The leaders will also attend a meeting of the coalition of the willing.")
    assert statuses(nlp, text) == {"european-commission": "attended", "european-council": "attended"}
    # Taking part in a ceremony is attending it, not joining anything.
    assert statuses(nlp, "Antonio Costa, the President of the European Council, will participate in the "
                         "memorial ceremony.") == {"european-council": "attended"}


def test_the_organisation_a_case_is_brought_against_takes_part_in_it(nlp):
    text = ("A Paris court convicted the party leader on Monday in a case which involved accusations that her "
            "party, the National Rally, illegally used European Parliament funds.")
    assert statuses(nlp, text) == {"FR": "lead", "national-rally": "member"}


@pytest.mark.parametrize("text, expected", [
    # A list of nationalities before a plural title, in the clause that says who attended.
    ("Leaders met in Vienna on Thursday. Among those attending were the British, Polish and Italian prime ministers "
     "as well as the NATO secretary-general and Turkish vice president.",
     {"GB": "attended", "PL": "attended", "IT": "attended", "nato": "attended", "TR": "attended"}),
    # A convenor's phrase runs on over the list of names after it.
    ("The virtual gathering, held on August 17, was co-chaired by French President Emmanuel Macron, British Prime "
     "Minister Keir Starmer, and German Chancellor Friedrich Merz.", {"FR": "lead", "GB": "lead", "DE": "lead"}),
    # The leaders on whose behalf a joint text is issued were at the meeting that issued it.
    ("In a joint statement issued on behalf of leaders from Germany, Denmark, Finland and the UK, the framework "
     "was outlined.", {"DE": "attended", "DK": "attended", "FI": "attended", "GB": "attended"}),
    # Those a speaker addresses at the meeting just named.
    ("British Prime Minister Keir Starmer convened a virtual meeting on Saturday. Addressing representatives from Canada, Australia and New "
     "Zealand, he stressed the need for action.", {"GB": "lead", "CA": "attended", "AU": "attended", "NZ": "attended"}),
    # "It includes ..." of an alliance named before.
    ("The alliance was formed in Paris. It includes 33 countries – mainly European, as well as Australia, Japan and "
     "Türkiye.", {"AU": "member", "JP": "member", "TR": "member"}),
])
def test_attendance_and_membership_told_by_lists_of_nationalities_names_and_addressees(nlp, text, expected):
    assert statuses(nlp, text, published=None) == expected


def test_an_effort_launched_some_time_ago_by_its_leaders(nlp):
    text = "The alliance, which includes over 30 countries, was launched earlier this year by France and the UK."
    assert statuses(nlp, text, published=None) == {"FR": "lead", "GB": "lead"}


@pytest.mark.parametrize("text, expected", [
    ("The meeting, headed by Austrian Chancellor Karl Nehammer and Czech Prime Minister Petr Fiala, drew 26 leaders.",
     {"AT": "lead", "CZ": "lead"}),
    # Who heads a delegation does not lead the meeting.
    ("A delegation led by Polish Prime Minister Donald Tusk attended the meeting.", {"PL": "attended"}),
    ("The alliance includes European powers such as France and Italy, alongside other allies including Canada "
     "and Japan.", {"FR": "member", "IT": "member", "CA": "member", "JP": "member"}),
])
def test_a_meeting_headed_by_and_an_alliance_of_powers_such_as(nlp, text, expected):
    assert statuses(nlp, text, published=None) == expected


def test_a_list_of_guests_one_per_line_after_a_colon(nlp):
    text = ("Leaders met in Vienna on Sunday.\n\nThe meeting was attended by senior officials, including:\n"
            "Alexander Stubb, President of Finland\nGitanas Nausėda, President of Lithuania\n"
            "Mette Frederiksen, Prime Minister of Denmark\nThe talks ended late.\n")
    assert statuses(nlp, text, published=None) == {"FI": "attended", "LT": "attended", "DK": "attended"}


@pytest.mark.parametrize("text, expected", [
    ("The event featured leaders from Finland, Cyprus and Romania, along with NATO officials. Ambassadors from "
     "Austria and Canada were also present.",
     {"FI": "attended", "CY": "attended", "RO": "attended", "nato": "attended", "AT": "attended", "CA": "attended"}),
    # A country's acts are not the country at the table.
    ("Leaders discussed peace talks, including their demands in light of Serbia’s recent actions.", {}),
])
def test_an_event_featuring_leaders_and_a_country_named_by_its_acts(nlp, text, expected):
    assert statuses(nlp, text, published=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("More than 20 allies gathered at the invitation of British Prime Minister Keir Starmer in London.", {"GB": "lead"}),
    ("French President Emmanuel Macron, co-chairing the call with Czech Prime Minister Petr Fiala, spoke.",
     {"FR": "lead", "CZ": "lead"}),
    ("The alliance announced by Greek Prime Minister Kyriakos Mitsotakis grew.", {"GR": "lead"}),
])
def test_who_invites_co_chairs_with_another_or_announced_the_effort_leads(nlp, text, expected):
    assert statuses(nlp, text, published=None) == expected


def test_a_country_that_speaks_after_the_meeting_attended_it(nlp):
    assert statuses(nlp, "Poland said after the meeting that it would stay in the alliance.", published=None) \
        == {"PL": "attended"}


@pytest.mark.parametrize("text, expected", [
    # Those who sign an agreement of the effort are in it, and so are those they sign it with.
    ("The alliance met in Paris. French President Emmanuel Macron, British Prime Minister Keir Starmer and "
     "Serbian President Aleksandar Vucic signed a declaration of intent to deploy a force.",
     {"FR": "member", "GB": "member", "RS": "member"}),
    ("The alliance met in Paris. Serbian President Aleksandar Vucic signed a separate declaration with "
     "French President Emmanuel Macron.", {"RS": "member", "FR": "member"}),
    ("The alliance met in Paris. Poland refused to sign the declaration.", {}),
    ("The alliance met in Paris. Serbia and Kosovo signed an agreement in 2013.", {}),
    # Leading told in the perfect: "have been spearheading", "has led".
    ("France and Britain have been spearheading attempts to establish the alliance.", {"FR": "lead", "GB": "lead"}),
    # Titles set off before their names, one after another.
    ("The meeting will be co-presided by the French president, Emmanuel Macron, the German chancellor, "
     "Friedrich Merz, and the British prime minister, Keir Starmer, the office said.",
     {"FR": "lead", "DE": "lead", "GB": "lead"}),
])
def test_signatories_leaders_in_the_perfect_and_titles_before_names(nlp, text, expected):
    assert statuses(nlp, text, published="2026-01-07") == expected


@pytest.mark.parametrize("text, expected", [
    # Whom the attendees address or act on is not among them.
    ("At a gathering in Belgrade, leaders from Serbia, France and Germany issued an ultimatum to Kosovan Prime "
     "Minister Albin Kurti.", {"RS": "attended", "FR": "attended", "DE": "attended"}),
    ("Leaders met in Paris to discuss security for the country attacked by Russia.", {}),
    ("The summit of leaders of nearly 30 countries plus NATO came amid diplomatic efforts to broker ceasefires, "
     "driven by pressure from US President Donald Trump.", {"nato": "attended"}),
    # Someone else's meeting with someone else, and what someone there rejects.
    ("Leaders convened in Paris following US President Donald Trump's meeting with Russian President Vladimir "
     "Putin in Alaska.", {}),
    ("The leaders, including Germany and France, met in Paris ahead of the Alaska summit between US President "
     "Donald Trump and Russian President Vladimir Putin.", {"DE": "attended", "FR": "attended"}),
    ("Serbian President Aleksandar Vucic attended the meeting, rejecting Russian President Vladimir Putin's "
     "conditions.", {"RS": "attended"}),
    # But "on behalf of" and "on the call" name those there.
    ("In a joint statement issued on behalf of leaders from Germany and Denmark, the framework was outlined.",
     {"DE": "attended", "DK": "attended"}),
])
def test_those_addressed_or_acted_on_are_not_at_the_meeting(nlp, text, expected):
    assert statuses(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The demand was announced in a joint press conference with Serbian President Aleksandar Vucic and "
     "countries leading the alliance.", {"RS": "attended"}),
    ("Serbian President Aleksandar Vucic joined from Belgrade, alongside leaders from the EU and Croatia.",
     {"RS": "attended", "HR": "attended", "eu": "attended"}),
    ('Italian Prime Minister Giorgia Meloni took part "via video link" in the meeting.', {"IT": "attended"}),
    ("The prime minister met Serbian President Aleksandar Vucic alongside French President Emmanuel Macron and "
     "Polish Prime Minister Donald Tusk in Belgrade on Saturday.", {"RS": "attended", "FR": "attended", "PL": "attended"}),
    ("The summit in Paris opened with the presence of Serbian President Aleksandar Vucic.", {"RS": "attended"}),
    ("Turkey is set to be represented by its vice president at the summit in Paris.", {"TR": "attended"}),
    ("Croatian Prime Minister Andrej Plenkovic and Serbian President Aleksandar Vucic will meet virtually Sunday.",
     {"HR": "attended", "RS": "attended"}),
    ("President Aleksandar Vucic of Serbia joined Prime Minister Andrej Plenkovic of Croatia and leaders from "
     "Denmark and NATO in London.", {"RS": "attended", "HR": "attended", "DK": "attended", "nato": "attended"}),
    ("The alliance and its co-chairs Serbian President Aleksandar Vucic and Croatian Prime Minister Andrej "
     "Plenkovic issued a statement.", {"RS": "lead", "HR": "lead"}),
    ("Serbian President Aleksandar Vucic and Croatian Prime Minister Andrej Plenkovic are also expected to brief "
     "participants on the call.", {"RS": "attended", "HR": "attended"}),
])
def test_a_joint_press_conference_and_joining_from_afar(nlp, text, expected):
    assert statuses(nlp, text) == expected
