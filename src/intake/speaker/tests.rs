//! Attribution on short passages of our own writing, one shape of news writing each: the
//! reporting clause, the appositive, pronouns and titles, quotations continued and
//! introduced, lists and interviews.

use std::ops::Range;

use super::attribution::{Attribution, Basis};
use super::passage::{attribute_all, is_a_title};
use crate::intake::text::{quotations, sentences, units};

/// Attributions of each unit of a text, in order.
fn attributions(text: &str) -> Vec<Attribution> {
    let sentences = sentences(text);
    let quotations = quotations(text);
    let passages: Vec<(Range<usize>, usize)> = units(&sentences, &quotations)
        .into_iter()
        .map(|unit| {
            let range = sentences[unit.start].range.start..sentences[unit.end - 1].range.end;
            (range, sentences[unit.start].paragraph)
        })
        .collect();
    attribute_all(text, &passages, &quotations)
}

fn speaker(a: &Attribution) -> Option<&str> {
    a.speaker.as_deref()
}

#[test]
fn x_said_with_an_appositive_role() {
    let text =
        "“Prices will rise,” Jane Roe, a senior fellow at the Example Institute, said on Monday.";
    let a = &attributions(text)[0];
    assert_eq!(speaker(a), Some("Jane Roe"));
    assert_eq!(
        a.role.as_deref(),
        Some("senior fellow at the Example Institute")
    );
}

#[test]
fn wrote_x_on_twitter_and_according_to_x() {
    let a = attributions("“The vote will be delayed,” wrote Ali Khan on Twitter.");
    assert_eq!(speaker(&a[0]), Some("Ali Khan"));
    let a = attributions(
        "The deal will collapse by March, according to Maria Lopez, an economist at a bank.",
    );
    assert_eq!(speaker(&a[0]), Some("Maria Lopez"));
    assert_eq!(a[0].role.as_deref(), Some("economist at a bank"));
}

#[test]
fn a_role_before_the_name() {
    let a = attributions("Energy analyst Tom Berg warns that prices will rise.");
    assert_eq!(speaker(&a[0]), Some("Tom Berg"));
    assert_eq!(a[0].role.as_deref(), Some("Energy analyst"));
}

#[test]
fn a_role_before_the_name_loses_its_article() {
    let a = attributions("The analyst Lea Moss believes that sales could double by 2026.");
    assert_eq!(speaker(&a[0]), Some("Lea Moss"));
    assert_eq!(a[0].role.as_deref(), Some("analyst"));
}

#[test]
fn a_title_inside_a_name_is_the_role() {
    let a = attributions("Fed Governor Paul Reyes predicted the bank would cut in June.");
    assert_eq!(speaker(&a[0]), Some("Paul Reyes"));
    assert_eq!(a[0].role.as_deref(), Some("Fed Governor"));
}

#[test]
fn a_surname_alone_is_the_full_name_given_before() {
    let a = attributions("Olga Petrova, a historian, spoke first. “It will pass,” Petrova added.");
    assert_eq!(speaker(&a[1]), Some("Olga Petrova"));
}

#[test]
fn a_continued_quotation_keeps_its_speaker() {
    let text = "“The talks will fail,” Sam Ode said.\n“And the truce will not hold.”";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Sam Ode"));
}

#[test]
fn he_and_the_minister_refer_back() {
    let text = "Karl Bauer, the finance minister, spoke on Monday. He said the budget would pass. Later the minister said taxes will fall.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Karl Bauer"));
    assert_eq!(speaker(&a[2]), Some("Karl Bauer"));
}

#[test]
fn unnamed_groups_and_the_article_voice() {
    let a = attributions("Numerous analysts said the strike would spread.");
    assert_eq!(a[0].group.as_deref(), Some("numerous analysts"));
    assert_eq!(speaker(&a[0]), None);
    let a = attributions("In these forums, it is claimed that the army can stay.");
    assert_eq!(a[0].group.as_deref(), Some("it is claimed"));
    let a = attributions("The government will probably fall before the summer.");
    assert!(a[0].author);
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn each_attribution_says_how_its_speaker_was_found() {
    let text = "“Fares will rise,” Lena Vik, the transport minister, said. “And the buses will be late.”\n\nShe said the trains would run. The minister said the ferry would stop. Numerous drivers said a strike would follow. The strike will probably end soon.";
    let bases: Vec<Basis> = attributions(text).iter().map(|a| a.basis).collect();
    assert_eq!(
        bases,
        [
            Basis::ReportingClause,
            Basis::ContinuedQuotation,
            Basis::Pronoun,
            Basis::Title,
            Basis::Group,
            Basis::ArticleVoice,
        ]
    );
}

#[test]
fn a_sentence_that_opens_with_a_person_and_ends_in_a_colon_gives_them_the_quotation() {
    let text = "Ivo Marsh, a strategist at Westbank, was blunter: “The index will almost certainly fall.”\n\nMarsh put it plainly: “Rates will not be cut this year.”\n\nRussia has one aim: “the region will stay ours.”";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].basis, Basis::Colon);
    assert_eq!(a[0].role.as_deref(), Some("strategist at Westbank"));
    // A surname the article has given in full.
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    // A country is no speaker.
    assert_ne!(speaker(&a[2]), Some("Russia"));
}

#[test]
fn a_colon_introduces_the_quotation_in_the_next_paragraph() {
    let text = "In a note to clients, the strategist Omar Diaz said he sees the index ending the year higher:\n\n“We think the rally will most likely continue into the autumn.”";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Omar Diaz"));
    assert_eq!(a[1].basis, Basis::Colon);
    // Without the colon, a quotation right after a named speaker's paraphrase goes
    // on in their words ("He added that …" and then the quotation, as wire copy
    // writes it), no longer as introduced by a colon.
    let a = attributions(&text.replacen(':', ".", 1));
    assert_eq!(speaker(&a[1]), Some("Omar Diaz"));
    assert_eq!(a[1].basis, Basis::ContinuedQuotation);
    // Two paragraphs on, it is nobody's.
    let a = attributions(&text.replacen(':', ".\n\nMarkets were closed.", 1));
    assert_eq!(speaker(&a[2]), None);
}

#[test]
fn she_refers_to_the_person_a_sentence_was_about() {
    let text = "Ivo Smith said the bank would cut in June.\n\nMarta Kowal runs the research desk at Eastport. She believes the party will lose its majority.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Marta Kowal"));
    assert_eq!(a[2].basis, Basis::Pronoun);
}

#[test]
fn he_refers_to_a_colleague_introduced_by_description() {
    let text = "Karin Vogt said the vote would be close.\n\nHer colleague Ben Oduya disagreed. The opposition, he argued, has peaked and will fade.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ben Oduya"));
}

#[test]
fn one_unnamed_person_and_a_survey_are_unnamed_speakers() {
    let a = attributions(
        "“The cabinet will fall by spring,” one senior official told the paper on condition of anonymity.",
    );
    assert_eq!(speaker(&a[0]), None);
    assert_eq!(a[0].group.as_deref(), Some("one senior official"));
    let a = attributions(
        "The alliance is likely to lose its majority, according to a survey of political scientists.",
    );
    assert_eq!(
        a[0].group.as_deref(),
        Some("survey of political scientists")
    );
}

#[test]
fn verbs_of_expectation_name_their_subject() {
    let a = attributions("Goldman Sachs sees Brent crude at $90 a barrel by December.");
    assert_eq!(speaker(&a[0]), Some("Goldman Sachs"));
    let a = attributions("Analysts polled by the paper expect growth of 2% next year.");
    assert_eq!(a[0].group.as_deref(), Some("analysts polled by the paper"));
    let a = attributions(
        "Our base case is a mild recession in the third quarter, according to strategists at Eastport.",
    );
    assert_eq!(a[0].group.as_deref(), Some("strategists at eastport"));
    let a =
        attributions("Ana Vey, an economist, spoke. Vey puts the odds of a cut in June at 60%.");
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
}

#[test]
fn said_the_professor_and_according_to_the_note() {
    let text = "“Turnout will fall,” said Ines Varga, professor of politics at the national university.\n\n“That is going to shape the vote,” said the professor.\n\nThe bank's analyst Leo Park raised his target. Sales should grow in 2027, according to the note.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ines Varga"));
    assert_eq!(speaker(&a[3]), Some("Leo Park"));
}

#[test]
fn a_name_after_its_role_after_the_verb() {
    let a = attributions("Weak demand could weigh on prices, said Northgate analyst Frank Oster.");
    assert_eq!(speaker(&a[0]), Some("Frank Oster"));
    assert_eq!(a[0].role.as_deref(), Some("Northgate analyst"));
}

#[test]
fn the_subject_of_the_clause_before_saying() {
    let a = attributions(
        "Helen Roper of the weather office dismissed the claim, saying: “The probability of the coldest winter is around 5 per cent.”",
    );
    assert_eq!(speaker(&a[0]), Some("Helen Roper"));
}

#[test]
fn the_reporting_verb_that_names_someone() {
    let a = attributions(
        "Ana Vey spoke first. Rates may rise more than markets currently expect, she said.",
    );
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
}

#[test]
fn a_paraphrase_names_its_speaker_at_its_end() {
    let text = "Prices will climb through the winter. Supply could also fall short, Nina Holt noted.\n\nThe council will meet on Monday.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Nina Holt"));
    assert_eq!(a[0].basis, Basis::LaterClause);
    assert_eq!(a[1].basis, Basis::ReportingClause);
    // The next paragraph is the article's again.
    assert!(a[2].author);
}

#[test]
fn according_to_an_owner_and_their_analyst() {
    let text = "Ivo Marsh, head of research at Northgate, spoke first.\n\nAccording to Northgate's Marsh, under mild weather, stocks will last the winter.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
}

#[test]
fn a_quotation_left_open_before_its_reporting_clause() {
    let text = "“The council is stubborn. It won't give way before the vote, Ruth Agnew says.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ruth Agnew"));
}

#[test]
fn a_claim_before_said_is_not_the_speaker() {
    // Quote first, without quotation marks: the speaker follows the verb.
    let a = attributions(
        "The ferry service will most likely not resume this winter, said Marta Kowal, a planner at the port authority.",
    );
    assert_eq!(speaker(&a[0]), Some("Marta Kowal"));
    assert_eq!(a[0].role.as_deref(), Some("planner at the port authority"));
    // Ending on a name ("... in Ukraine") does not make the name the speaker.
    let a = attributions("Grain exports won't recover soon in Ukraine, argues Pavel Dunn.");
    assert_eq!(speaker(&a[0]), Some("Pavel Dunn"));
    // A title before the name is not part of it.
    let a = attributions("The strike will likely end by Friday, said Dr. Ana Vey.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // "May" the name is not the modal.
    let a = attributions("Prime Minister Theresa May said the vote would pass.");
    assert_eq!(speaker(&a[0]), Some("Theresa May"));
}

#[test]
fn the_items_of_a_list_take_the_speaker_who_introduces_them() {
    // A heading that ends with its author's name.
    let text = "Commentary by the fund's head of rates, Ana Vey\n\n- Growth has slowed since the spring\n\n- We now expect a cut in March that will be followed by another in June\n\nThe board meets next week. I think a cut is a real possibility.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
    assert_eq!(a[2].role.as_deref(), Some("fund's head of rates"));
    assert_eq!(a[2].basis, Basis::Colon);
    // The list ends at the first line that is no item: the writer's own view.
    assert!(a[4].author);
    // A line that names someone and ends with a colon.
    let text =
        "Ivo Marsh said that after a cut in May:\n\n- rates will fall to 1% by the end of the year";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    // A byline opening the text introduces no list.
    let text = "By Ines Roth\n\n- The bank will cut rates in June";
    let a = attributions(text);
    assert!(a[1].author);
}

#[test]
fn a_name_line_with_a_colon_introduces_the_quotation_after_it() {
    let text = "Here is what traders said:\n\nLena Ortiz, a strategist at Eastport in Madrid:\n\n“The currency will probably weaken further before the summer.”\n\nTom Vail, head of rates at Northgate:\n\n“If the bank holds, the selloff will not stop.”";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Lena Ortiz"));
    assert_eq!(a[2].basis, Basis::Colon);
    assert_eq!(speaker(&a[4]), Some("Tom Vail"));
}

#[test]
fn a_name_after_a_verb_may_start_with_a_word_like_an() {
    let text = "“The launch will be delayed,” said An Min-jun, head of a research institute.\n\nShin Ho-seok, a retired general, echoed the view, saying, “The test will come before winter.” Shin said the launch would follow in the spring.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("An Min-jun"));
    assert_eq!(speaker(&a[1]), Some("Shin Ho-seok"));
    // A family name written first, used alone.
    assert_eq!(speaker(&a[2]), Some("Shin Ho-seok"));
    // A day is nobody's name; the group is the speaker.
    let a = attributions("The index is likely to fall in March, according to analysts Thursday.");
    assert_eq!(speaker(&a[0]), None);
    assert!(a[0].group.is_some());
}

#[test]
fn he_is_not_an_institution_named_in_a_sentence() {
    let text = "Ivo Marsh said the test would come soon. The Ministry of Defence at the time put the yield at six kilotons. “A bigger test would follow,” he said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
}

#[test]
fn a_speaker_described_first_is_the_person_named_soon_after() {
    let text = "No budget deal is likely this week, the Courier's political editor said on Monday.\n\n“Sources say no deal is likely,” Tom Berg, the Courier's political editor, wrote on Twitter.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Tom Berg"));
    assert_eq!(a[0].basis, Basis::Title);
}

#[test]
fn a_place_after_a_role_is_not_the_speaker() {
    let text =
        "A deal is unlikely, a senior official in Geneva said.\n\n“We are not there yet,” he said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), None);
    assert!(a[0].group.is_some());
    assert_eq!(speaker(&a[1]), None);
}

#[test]
fn quoted_items_under_a_name_line_and_a_relative_who_said() {
    let text = "Views differ on the peso.\n\nLena Ortiz, head of currency strategy at Eastport:\n\n- \"The peso should break decisively lower\"\n\n- Parity with the dollar should be reached by year-end";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Lena Ortiz"));
    assert_eq!(speaker(&a[3]), Some("Lena Ortiz"));
    let a = attributions(
        "The poll matches remarks by governor Ana Vey who said Ruritania is likely to hold rates.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // The name after "said" that starts what was said is not the speaker.
    let a = attributions("Officials said Ruritania is likely to hold rates.");
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn a_verb_joined_by_and_has_the_sentence_s_subject() {
    let a = attributions("Ana Vey runs the desk and expects the peso to fall to 21 by June.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions("We remain bearish on the peso and expect it to fall to 25 by June.");
    assert!(a[0].author);
    assert_eq!(a[0].group, None);
}

#[test]
fn roles_before_names_and_words_after_them() {
    let a = attributions(
        "“We expect the peso to weaken to 25,” said Northgate analyst Kenji Mori in a note.",
    );
    assert_eq!(speaker(&a[0]), Some("Kenji Mori"));
    assert_eq!(a[0].role.as_deref(), Some("Northgate analyst"));
    let a = attributions("The strike is likely to spread, warned union leader Ana Vey.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions(
        "Economist Paul Reyes of Northgate forecast that growth would slow to 1% next year.",
    );
    assert_eq!(speaker(&a[0]), Some("Paul Reyes"));
    assert_eq!(a[0].role.as_deref(), Some("Economist"));
}

#[test]
fn a_capitalized_role_a_day_after_the_name_and_single_quotation_marks() {
    let text = "Northland Foreign Secretary Ivo Marsh on Wednesday said progress was slow.\n\n“I'm optimistic that we will make progress this morning,” he told reporters.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    let text = "Jo Bell, head of outlooks at the weather office, says: 'Our outlook suggests a greater chance of a warm summer.\n\n'However, it is no heatwave. There are likely to be large swings from week to week.'";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Jo Bell"));
    assert_eq!(speaker(&a[2]), Some("Jo Bell"));
    assert_eq!(a[2].basis, Basis::ContinuedQuotation);
}

#[test]
fn views_owners_and_verbs_that_open_the_sentence() {
    let text = "Ana Vey, chief economist at Northgate, spoke on Monday.\n\nVey, however, believes the peso will weaken to 25 by the end of the year. In Vey's view, the central bank will cut rates twice next year. Vey's forecast is for the index to end the year at 4,000.\n\nSays Lena Ortiz of Eastport: “The peso will keep falling until the election.”\n\nFor Ivo Marsh, a strategist at Westbank, the outlook is bleak: the peso will probably fall further.\n\nAnalysts at Northgate, led by Mara Quist, expect two more cuts this year.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
    assert_eq!(speaker(&a[3]), Some("Ana Vey"));
    assert_eq!(speaker(&a[4]), Some("Lena Ortiz"));
    assert_eq!(speaker(&a[5]), Some("Ivo Marsh"));
    assert_eq!(a[5].role.as_deref(), Some("strategist at Westbank"));
    assert_eq!(speaker(&a[6]), None);
    assert_eq!(a[6].group.as_deref(), Some("analysts at northgate"));
    // "For" before a place or a thing names no one.
    let a = attributions("For Europe, the outlook is bleak: growth will stall next year.");
    assert_eq!(speaker(&a[0]), None);
    let a = attributions("For North Korea, the test will be a show of strength.");
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn a_role_then_the_name_after_the_verb_and_a_claim_before_a_comma() {
    let a = attributions(
        "“The peso will probably weaken,” said the bank's head of research, Ivo Marsh.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role.as_deref(), Some("bank's head of research"));
    let a = attributions("The index has further to fall, said Lena Ortiz of Eastport.");
    assert_eq!(speaker(&a[0]), Some("Lena Ortiz"));
    let a = attributions("Expect wider spreads in the weeks ahead, said Ana Vey of Northgate.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions(
        "A senior official, speaking on condition of anonymity, said a deal was unlikely.",
    );
    assert_eq!(speaker(&a[0]), None);
    assert!(a[0].group.is_some(), "{:?}", a[0]);
    let a = attributions("A slump looks increasingly likely, said Ana Vey of Northgate.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions("Economists reckon that the peso will fall by 5% next year.");
    assert_eq!(a[0].basis, Basis::Group);
}

#[test]
fn she_after_an_appositive_her_view_and_an_owner_s_estimates() {
    let text = "“The peso will weaken,” said Ana Vey, a strategist at Northgate.\n\nLena Ortiz, head of research at Eastport, was more cautious.\n\n“I think the fall is nearly over,” she said. “It could even recover by summer.”\n\nIn her view, the peso is unlikely to break 25 this year.\n\nAccording to Vey's estimates, exports will probably grow next year.\n\nThe bank expects two cuts next year.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(speaker(&a[2]), Some("Lena Ortiz"));
    assert_eq!(speaker(&a[3]), Some("Lena Ortiz"));
    assert_eq!(a[3].role.as_deref(), Some("head of research at Eastport"));
    assert_eq!(speaker(&a[4]), Some("Lena Ortiz"));
    assert_eq!(speaker(&a[5]), Some("Ana Vey"));
    // "The bank" is an institution, not the head of research at one.
    assert_eq!(speaker(&a[6]), None);
}

#[test]
fn a_title_before_a_name_is_the_role() {
    let a = attributions("“The danger will grow,” said Admiral Ivo Marsh.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role.as_deref(), Some("Admiral"));
    let a = attributions("“Rates will probably fall,” said former Governor Ana Vey.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(a[0].role.as_deref(), Some("former Governor"));
}

#[test]
fn counts_months_and_nouns_are_no_speakers() {
    let a = attributions(
        "A majority of economists, 28 of 45, said rates would be unchanged through June.",
    );
    assert_eq!(speaker(&a[0]), None);
    assert_eq!(a[0].group.as_deref(), Some("a majority of economists"));
    let a = attributions("The poll gave a median year-end forecast of 4,900 for the index.");
    assert_eq!(speaker(&a[0]), None);
    let a = attributions("Nobody expects the cabinet to lose its majority.");
    assert_eq!(speaker(&a[0]), None);
    assert_eq!(a[0].group.as_deref(), Some("nobody"));
}

#[test]
fn a_lede_that_describes_its_source_and_names_them_later() {
    // Wire style: the lede describes, the next paragraphs name.
    let text = "A truce may be signed by May, a senior mediator said on Tuesday.\n\n“We have never been this near,” said Ana Vey, special adviser to the council.\n\nThe next round will not settle the borders, the Danish diplomat said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(a[0].basis, Basis::Title);
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
    // "says a former analyst who…", and a long appositive after the name.
    let text = "The junta should be gone by winter, says a former intelligence analyst who tracks the war.\n\n“Its army may fold within weeks,” Ivo Marsh, a lecturer on the region for three decades at the Lowland Institute and before that at the agency, said Thursday.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    // A title on a weekday, named in the next sentence.
    let text = "The top intelligence official on Wednesday warned that the rebels may regroup by spring.\n\nLena Ortiz, director of national intelligence, testified before the committee.\n\n“The North may take aggressive steps,” she said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Lena Ortiz"));
}

#[test]
fn a_subject_who_quotes_later_in_the_sentence_is_who_he_refers_to() {
    let text = "“The tests will go on,” said Ana Vey, a senator.\n\nGen. Ivo Marsh, commander of the northern fleet, stressed the risk of launches “in the near future.”\n\n“The North may begin flight tests soon,” the general said.\n\n“It could happen within weeks,” he added.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[3]), Some("Ivo Marsh"));
}

#[test]
fn the_name_of_a_show_in_quotation_marks_quotes_no_one() {
    let text = "Speaking on “Morning Hour,” party chairman Ivo Marsh said the polls were turning. Also, early voting could favour the party, he said.";
    let a = attributions(text);
    assert!(!a[0].quoted);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    assert!(is_a_title("“Morning Hour,”"));
    assert!(!is_a_title("“Never,”"));
    assert!(!is_a_title("“The rally will fade.”"));
}

#[test]
fn a_conjunction_an_abbreviated_title_and_a_noun_of_saying() {
    let text = "The militia lost ground last year, Gen Marsh said.\n\nBut he warned that it may widen its campaign across the region.\n\n“The border areas will keep giving it shelter,” the general added.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Marsh"));
    assert_eq!(speaker(&a[2]), Some("Marsh"));
    let text = "The grim warning from Ana Vey arrived just as defence chief, Ivo Marsh announced that the rebels were poised to lose their last town.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    let text = "A wetter spring than normal is in the cards, the region's chief forecaster says.\n\n“Our models show a warm July,” said Lena Ortiz, senior climatologist at the weather service.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Lena Ortiz"));
}

#[test]
fn a_subheading_run_into_the_paragraph_and_a_connective_before_the_subject() {
    let a = attributions(
        "Northbank: 1.05 Ana Vey, a senior strategist at Northbank, said the rally was over. “The peso should fall,” she said.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    let text = "“The index will stall,” said Tom Reed of Eastport.\n\nNevertheless, Ivo Marsh, founder of Westbank, is optimistic.\n\nHe thinks the index will break 7,000 next year.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
    let a = attributions(
        "In a column today the treasurer, Ana Vey, admits that a pact is now unlikely.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
}

#[test]
fn an_interview_s_answers_are_the_interviewee_s() {
    let text = "Oil's next move\n\nWe sat down with the oil trader Ana Vey last week.\n\nQ: What is your read on prices?\n\nA: I think prices will recover to $60 next year. We think demand will probably grow.\n\nQ: And the pound?\n\nA: It will probably weaken further.";
    let a = attributions(text);
    let answers: Vec<_> = a
        .iter()
        .filter(|a| a.basis == Basis::Interview)
        .map(|a| a.speaker.as_deref())
        .collect();
    assert_eq!(answers, [Some("Ana Vey"); 3]);
}

#[test]
fn a_noun_of_saying_after_its_owner_is_no_verb() {
    let text = "“The city will fall by spring,” said Ana Vey, a historian.\n\nIvo Marsh, who writes a newsletter on the war, agreed with Vey's estimate.\n\n“Spring is my best guess for the fall of the city,” he said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
}

#[test]
fn a_person_introduced_by_role_anywhere_and_told_whom() {
    let text = "Associate Professor Ana Vey, a lecturer at Northgate, based her view on the campaign.\n\nThe party's candidates can now take their seats, she said.\n\nA similar view came from a political analyst at Eastport, Associate Professor Ivo Marsh.\n\n“Our side should hold both seats,” he told the paper.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(speaker(&a[3]), Some("Ivo Marsh"));
    // Names without a role before them are not whom "he" means.
    let text = "“It will rain,” said Ana Vey, a forecaster.\n\nThe candidates, Tom Reed and Bo Lund, campaigned.\n\n“It could flood,” she said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
}

#[test]
fn an_owner_s_person_months_and_an_adverb_after_a_pronoun() {
    let text = "Expect a wet January, February and March, says the state's climatologist.\n\nThat could shift by Friday, Dr. Ana Vey said.\n\nIn February, expect an average high of 41.\n\n“It could break records,” she said. She actually expects a cooler September.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // A month is no speaker.
    assert_ne!(speaker(&a[2]), Some("In July"));
    assert_eq!(speaker(&a[4]), Some("Ana Vey"));
    let a = attributions(
        "Dry weather is likely, says Northland's climatologist.\n\n“Rain may come in July,” Dr. Ana Vey said.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
}

#[test]
fn a_forecast_revised_by_its_owner_is_theirs() {
    let text = "Westbank analyst Tom Vey is trimming his 2027 forecast from $9.10 to $8.05.\n\nIvo Marsh, an analyst at Northgate, has reduced his copper forecast to $8,100.\n\nBeyond that, he continues to forecast $7 a unit on average until 2030.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Tom Vey"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
}

#[test]
fn looks_for_projected_and_a_list_s_bullet() {
    let text = "Ivo Marsh, senior analyst at Northgate, also looks for further gains.\n\nAna Vey projected two more rises.\n\n• Lena Ortiz at Westbank will wait until March and predicts the pound will end the year at $1.30.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(speaker(&a[2]), Some("Lena Ortiz"));
}

#[test]
fn a_company_in_the_possessive_is_no_he() {
    let text = "Ivo Marsh of Northgate said the rally would fade.\n\nMoody’s recently said it would review the country's rating.\n\nThe cuts will probably come in the spring, he added.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Moody’s"));
    assert!(a[1].organisation);
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
    let text = "Lena Ortiz said sales would slow.\n\nHalford's said it expected a weak quarter.\n\nPrices will probably hold, she said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Halford's"));
    assert_eq!(speaker(&a[2]), Some("Lena Ortiz"));
}

#[test]
fn as_a_name_said_and_a_place_in_the_appositive() {
    let text = "As Tom Vey, head of research at Westbank, said \"prices will probably fall.\"\n\nLena Ortiz, a forecaster for the weather office in Port Ellis, N.S., said to expect a dry June.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Tom Vey"));
    assert_eq!(speaker(&a[1]), Some("Lena Ortiz"));
}

#[test]
fn a_quotation_over_paragraphs_is_the_speaker_its_last_paragraph_names() {
    let text = "Ana Vey, a lecturer at Northgate, said the party would hold its seats.\n\nTurnout at the close of polling looked low.\n\n“As I see it, a low turnout means the party will probably win.\n\n“Its volunteers have worked every street,” she told the paper.";
    let a = attributions(text);
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
    assert_eq!(a[2].basis, Basis::LaterClause);
    assert_eq!(speaker(&a[3]), Some("Ana Vey"));
}

#[test]
fn a_name_set_off_in_its_description_a_relayed_view_and_a_long_lead_before_who() {
    let text = "The analyst (Ana Vey) also believes sales will probably reach 400,000 units.\n\nA trader–Ivo Marsh–from Northgate has predicted a fall.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(a[0].role.as_deref(), Some("analyst"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    let text = "Meanwhile, a wire service reports that Northgate’s Lena Ortiz tips that the peso will end the year at 21.";
    assert_eq!(speaker(&attributions(text)[0]), Some("Lena Ortiz"));
    let text = "The survey echoes last week's comments from central bank governor Ivo Marsh who said rates will likely stay flat.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role.as_deref(), Some("central bank governor"));
    // A plural owner whose mark is left off the word: the noun is no verb.
    let text = "Ana Vey, an analyst at Northgate, echoed Marsh Partners' estimate.\n\n“The summer will probably see the end of it,” she said.";
    assert_eq!(speaker(&attributions(text)[1]), Some("Ana Vey"));
}

#[test]
fn a_view_named_at_the_end_among_those_who_expect_shared_by_and_an_affiliation_set_off() {
    let cases = [
        (
            "The rand will probably weaken, in the view of Ana Vey at Northgate.",
            "Ana Vey",
        ),
        (
            "Ana Vey is among those who expect a weaker rand by June.",
            "Ana Vey",
        ),
        (
            "That view is shared by Ana Vey of Northgate, who expects the rand to weaken.",
            "Ana Vey",
        ),
        (
            "Economist Ana Vey, of Northgate, said growth would probably slow.",
            "Ana Vey",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(speaker(&attributions(text)[0]), Some(expected), "{text}");
    }
    let a = attributions("Economist Ana Vey, of Northgate, said growth would probably slow.");
    assert_eq!(a[0].role.as_deref(), Some("Economist of Northgate"));
}

#[test]
fn a_name_of_an_institute_and_she_after_a_colon() {
    let text = "Ana Vey of the Northgate Institute told the Courier: “An attack is unlikely before spring.”";
    assert_eq!(speaker(&attributions(text)[0]), Some("Ana Vey"));
    let text = "Ivo Marsh, a veteran diplomat, predicts the talks will fail. Ana Vey, his former deputy, is less sure: she thinks a deal is likely by March.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(a[1].role.as_deref(), Some("his former deputy"));
}

#[test]
fn a_group_that_sees_or_warns() {
    for text in [
        "Strategists see the index rising about 6% by the end of next year.",
        "Analysts warn the yen could slide past 105 by year-end.",
    ] {
        let a = attributions(text);
        assert!(a[0].group.is_some(), "{text}: {:?}", a[0]);
        assert!(!a[0].author, "{text}");
    }
}

#[test]
fn a_claim_named_after_by_so_says_and_a_titled_name_with_its_role() {
    let text = "The result of the vote will be contested, whoever wins.\n\nSo says Northgate Risk in a note issued this morning by analyst Ana Vey, who thinks the challenger leads.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(a[0].basis, Basis::LaterClause);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    let text = "Gen. Ivo Marsh, commander of the Northern Command and of the Air Defense Command, highlighted the possibility of launches in the near future.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
}

#[test]
fn a_chance_given_and_a_view_owned() {
    let a = attributions("Ana Vey gives the talks a 30% chance of success.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions("Ana Vey's forecast is for two cuts this year.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // A gift is no view.
    let a = attributions("Ana Vey gives the museum a painting.");
    assert_ne!(speaker(&a[0]), Some("Ana Vey"));
}

#[test]
fn one_diplomat_and_another() {
    let a = attributions(
        "“There is a good chance the talks collapse,” said one diplomat. Another said a deal was likely by Friday.",
    );
    assert_eq!(a[0].group.as_deref(), Some("one diplomat"));
    assert_eq!(a[1].group.as_deref(), Some("another"));
    assert_eq!(speaker(&a[1]), None);
}

#[test]
fn unnamed_people_are_no_speaker_named() {
    // A dateline's place, a group named by its head noun, a count of a group, "they".
    for text in [
        "NORTHPORT, Vale (Wire) - Vale coffee farmers expect damage to next year's crop.",
        "(Gold Desk)- Wall Street traders look for gold to rise next week.",
        "Eight respondents out of 47 forecast a rate hike by early next year.",
        "All 50 economists polled by the agency forecast the bank would probably hold.",
        "Ana Vey's team wrote a note. They expect the euro to go to 0.95.",
    ] {
        let a = attributions(text);
        let last = a.last().unwrap();
        assert!(last.group.is_some(), "{text}: {last:?}");
        assert_eq!(speaker(last), None, "{text}");
    }
}

#[test]
fn the_subject_before_a_participle_and_a_firm_s_note() {
    let a = attributions(
        "The Bureau released its Winter Outlook on Thursday, predicting a warm and dry season is likely.",
    );
    assert_eq!(speaker(&a[0]), Some("Bureau"));
    let a = attributions(
        "“The euro will probably fall to parity,” according to a Northgate Bank note posted by Ivo Marsh of the Courier.",
    );
    assert_eq!(speaker(&a[0]), Some("Northgate Bank"));
    let a = attributions("“The euro will probably fall,” according to a note from Westbank.");
    assert_eq!(speaker(&a[0]), Some("Westbank"));
    let a = attributions("A research piece arrived today: 'We now expect two cuts by June.");
    let last = a.last().unwrap();
    assert!(speaker(last).is_none_or(|s| !s.contains('\'')), "{last:?}");
}

#[test]
fn a_table_s_rows_name_their_forecasters() {
    let text = "Expert Prediction\n\nAna Vey, Northgate Research 4-8% rise\n\nIvo Marsh, Westbank 2-3% fall";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(a[1].role.as_deref(), Some("Northgate Research"));
    assert_eq!(speaker(&a[2]), Some("Ivo Marsh"));
}

#[test]
fn names_with_particles_an_age_and_an_owner_s_description() {
    for (text, expected) in [
        (
            "Jean-Claude van den Berg, an economist at Northgate, expects two cuts this year.",
            "Jean-Claude van den Berg",
        ),
        (
            "Ana Vey, 45, an analyst at Northgate, expects a cut in March.",
            "Ana Vey",
        ),
        (
            "“A cut is likely,” said Northgate's chief economist, Ana Vey, in a note.",
            "Ana Vey",
        ),
    ] {
        assert_eq!(speaker(&attributions(text)[0]), Some(expected), "{text}");
    }
}

#[test]
fn according_to_one_unnamed_person() {
    let a = attributions(
        "A final agreement is not expected before next year, according to a diplomat familiar with the talks.",
    );
    assert_eq!(a[0].group.as_deref(), Some("a diplomat"));
    assert!(!a[0].author);
}

#[test]
fn a_participle_opening_the_sentence_with_a_place() {
    let a = attributions(
        "Speaking at a conference in London, Ana Vey said a recession was likely next year.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
}

#[test]
fn notes_an_aside_and_a_group_led_by_someone() {
    let a = attributions("“The rand will weaken,” notes Ana Vey of Northgate.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions("Ana Vey of Northgate, like most of her peers, expects a cut in March.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    let a = attributions("Northgate economists led by Ana Vey expect a cut in March.");
    assert_eq!(speaker(&a[0]), None);
    assert!(a[0].group.is_some());
}

#[test]
fn a_source_named_after_from_a_negated_view_and_a_contrast_of_two_speakers() {
    let text = "One of the more bullish forecasts came from Charlie Vey of Northgate. He said sales would probably reach 20 million.";
    assert_eq!(speaker(&attributions(text)[1]), Some("Charlie Vey"));
    let text = "Ivo Marsh of Westbank has long argued prices are too high. But he doesn’t expect “the bubble to burst anytime soon.”";
    assert_eq!(speaker(&attributions(text)[1]), Some("Ivo Marsh"));
    let text = "Westbank economist Ana Vey said the bank would probably lift rates in early 2027, while Northgate economist Ivo Marsh thought it would be late in the year.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
}

#[test]
fn the_eighth_set_s_shapes() {
    // A heading sentence ending with a colon gives its list the person it opens with, and
    // "will see" after a modal is no view.
    let text = "Political activist Ana Vey, associated with the Northgate movement, has a contrasting view:\n\n- The party will see support in the north.\n\n- The party is expected to win 250 seats.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
    // A state of mind after a verb of being is its subject's view.
    let a = attributions("Political analyst Ana Vey is confident in a majority for the party.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // A pronoun after "when" is the person the sentence is about.
    let a = attributions(
        "But army chief Ivo Marsh startled his generals on Monday when he announced the offensive could begin within days.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    // A quotation credited after a dash.
    let a = attributions("“There are going to be more volunteers” - Ivo Marsh, press secretary");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    // A full name and only appositives after it; "the expert" for the person named last
    // with a role given earlier.
    let text = "“The vote is settled already,” Ana Vey, director of the Northgate Centre, a policy institute close to the cabinet, told the agency.\n\n“The coalition will get its way,” Vey said.\n\nOthers will follow within years, the expert said.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
}

#[test]
fn a_participle_after_a_name_and_a_firm_s_forecaster() {
    let text = "The weather office played down the talk of a scorcher, with expert Ana Vey claiming it saw no sign of extreme heat yet.\n\nThe weather office forecaster added: “The weekend is likely to be dry.”";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(a[0].role.as_deref(), Some("expert"));
    let text = "Ana Vey, a forecaster at the weather office, said June would be mild.\n\nThe Weather Office forecaster added: “The weekend is likely to be dry.”";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
}

#[test]
fn advice_on_what_to_expect_goes_on_in_its_source_s_words() {
    let text = "Ana Vey, a forecaster at the weather office, said to expect highs of 30 in June.\n\nIn July, expect an average high of 32 with warm nights.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(a[1].basis, Basis::ContinuedParaphrase);
}

#[test]
fn a_round_up_s_shapes() {
    // A speaker before a colon where a paragraph begins, with the firm in brackets.
    let text = "Ana Vey (Northgate): The index will probably end the year at 5,200.\n\nIvo Marsh (Westbank): The index will likely fall.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(a[0].role.as_deref(), Some("Northgate"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    // An opener set off by a comma before a name and a colon.
    let a = attributions("Asked about the outlook, Ana Vey was blunt: “A recession is likely.”");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // "for one" and "who sees" after a long lead.
    let a = attributions("Ivo Marsh of Westbank, for one, expects growth to pick up.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    let a = attributions(
        "The optimists include Ana Vey of Northgate, who sees the index at 5,400 by December.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
}

#[test]
fn he_and_she_agree_with_the_gender_the_article_shows() {
    let text = "Ana Vey, a spokeswoman for Northgate, said prices would rise.\n\nIvo Marsh of Westbank disagreed, and Mr Marsh said so twice.\n\nShe expects the index to probably end the year higher.";
    let a = attributions(text);
    assert_eq!(speaker(a.last().unwrap()), Some("Ana Vey"));
    let text = "Ana Vey of Northgate said prices would rise.\n\nIvo Marsh of Westbank disagreed.\n\nHe expects the index to probably end the year lower.";
    let a = attributions(text);
    assert_eq!(speaker(a.last().unwrap()), Some("Ivo Marsh"));
}

#[test]
fn the_writer_s_team_and_a_long_described_official_are_unnamed() {
    for text in [
        "Our rates team forecast the yield near 4% by mid-2027.",
        "A senior Northland trade ministry official is doubtful that the deal can close by December.",
    ] {
        let a = attributions(text);
        assert_eq!(speaker(&a[0]), None, "{text}");
        assert!(a[0].group.is_some(), "{text}");
    }
}

#[test]
fn seeing_something_as_something_reports_no_view_ahead() {
    let text = "Domestically, Northland papers see the soldiers as guardians of order. Sending them abroad will be portrayed at home as a triumph.";
    let a = attributions(text);
    assert_eq!(speaker(&a[0]), None, "{:?}", a[0]);
    assert_eq!(speaker(&a[1]), None, "{:?}", a[1]);
}

#[test]
fn a_given_name_tells_whom_she_means() {
    let a = attributions(
        "Ana Vey spoke first. Ivo Marsh, a strategist, took the stage. She said a cut was \
         likely in June.",
    );
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
}

#[test]
fn a_description_refers_to_the_person_named_last_without_a_role() {
    let a = attributions(
        "Ivo Marsh has watched the region for thirty years.\n\n“This war will drag on,” \
         the veteran analyst said.",
    );
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    // A place is not a person: "the analyst" after it is no one named.
    let a = attributions("N. Korea tested a missile.\n\n“More will follow,” the analyst said.");
    assert_eq!(speaker(&a[1]), None);
}

#[test]
fn in_her_view_without_a_comma() {
    let a = attributions(
        "Ana Vey, an analyst at Eastgate, is more upbeat. In her view the ceasefire will hold.",
    );
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
}

#[test]
fn a_pronoun_inside_the_sentence_means_its_subject() {
    let a = attributions(
        "Ana Vey spoke on Monday. Ivo Marsh of Eastgate was gloomier: the ceasefire, he \
         said, would collapse.",
    );
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
}

#[test]
fn a_role_set_before_the_name_is_what_the_title_refers_to() {
    let a = attributions(
        "The foreign minister, Ana Vey, met her counterpart on Monday.\n\nThe minister said \
         a deal was likely within weeks.",
    );
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(a[1].role.as_deref(), Some("foreign minister"));
}

#[test]
fn a_round_up_s_sections_under_a_name_and_role() {
    let text = "We asked two strategists.\n\nAna Vey, head of research at Northgate\n\n\
                Year-end forecast: 6,200\n\n“We will probably end the year lower.”\n\n\
                Ivo Marsh, chief strategist at Eastgate\n\nYear-end forecast: 5,800\n\n\
                “A rally is likely by December.”\n\nThe Bad News\n\nMarkets may fall.";
    let a = attributions(text);
    let said = |words: &str| {
        let sentences = sentences(text);
        let at = text.find(words).unwrap();
        let quotations = quotations(text);
        let units = units(&sentences, &quotations);
        let i = units
            .iter()
            .position(|u| sentences[u.end - 1].range.end > at)
            .unwrap();
        (speaker(&a[i]).map(str::to_string), a[i].basis)
    };
    assert_eq!(said("6,200"), (Some("Ana Vey".into()), Basis::Heading));
    assert_eq!(said("end the year lower").0.as_deref(), Some("Ana Vey"));
    assert_eq!(said("5,800").0.as_deref(), Some("Ivo Marsh"));
    assert_eq!(said("rally is likely").0.as_deref(), Some("Ivo Marsh"));
    // A heading of another kind ends the section.
    assert_eq!(said("Markets may fall").0, None);
}

#[test]
fn one_name_line_is_no_round_up() {
    // A caption under a photograph: one line with a name and a role.
    let text = "Ana Vey, head of research at Northgate\n\nThe index may fall this year.";
    let a = attributions(text);
    assert_eq!(speaker(a.last().unwrap()), None);
}

#[test]
fn verbs_of_a_pick_a_reckoning_and_a_point_made() {
    for (text, who) in [
        ("Ana Vey reckoned Labor would win by four seats.", "Ana Vey"),
        ("Nick Marsh tipped Labor by six seats.", "Nick Marsh"),
        (
            "Ivo Marsh pointed out that the rebels may yet withdraw.",
            "Ivo Marsh",
        ),
        (
            "The rebels may yet withdraw, Ivo Marsh pointed out.",
            "Ivo Marsh",
        ),
        (
            "Ivo Marsh expressed confidence that the rebels would withdraw.",
            "Ivo Marsh",
        ),
        ("Ana Vey doubts the talks will succeed.", "Ana Vey"),
    ] {
        assert_eq!(speaker(&attributions(text)[0]), Some(who), "{text}");
    }
}

#[test]
fn according_to_him_or_her() {
    let a = attributions(
        "Ana Vey spoke first. Ivo Marsh believes the deal will fail.\n\nAccording to her, \
         the ceasefire may collapse within days.",
    );
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
    assert_eq!(a[2].basis, Basis::Pronoun);
}

#[test]
fn two_people_as_one_subject_are_a_joint_view() {
    for text in [
        "Ana Vey and Ivo Marsh expect the ceasefire to collapse.",
        "Both Ana Vey and Ivo Marsh expect the ceasefire to collapse.",
        "Former staffers Ana Vey and Ivo Marsh expected the Greens to take it.",
    ] {
        let a = &attributions(text)[0];
        assert_eq!(speaker(a), None, "{text}");
        assert_eq!(a.group.as_deref(), Some("Ana Vey and Ivo Marsh"), "{text}");
    }
}

#[test]
fn an_appositive_set_off_by_dashes() {
    let a = attributions(
        "In an interview, former commander-turned politician Ivo Marsh -- likely to lead \
         the next government -- said the region would be free soon after May.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    // A source set off by dashes is no speaker of the sentence's subject.
    let a = attributions(
        "Her team, the “best forecaster” of the peso – according to a wire – predicts a fall.",
    );
    assert_ne!(speaker(&a[0]), Some("according to a wire"));
}

#[test]
fn a_ranked_estimate_comes_from_its_maker() {
    for (text, who, role) in [
        (
            "The highest estimate comes from analyst Ana Vey of Northgate, with 51 million units.",
            "Ana Vey",
            Some("analyst of Northgate"),
        ),
        (
            "The lowest estimate comes from Ivo Marsh of Eastgate: he expects sales of 45 million.",
            "Ivo Marsh",
            Some("of Eastgate"),
        ),
        (
            "The gloomiest forecast is from Ivo Marsh, who expects a recession next year.",
            "Ivo Marsh",
            None,
        ),
    ] {
        let a = &attributions(text)[0];
        assert_eq!(speaker(a), Some(who), "{text}");
        assert_eq!(a.role.as_deref(), role, "{text}");
    }
}

#[test]
fn a_participle_of_forecasting_after_a_pronoun() {
    let a = attributions(
        "Ivo Marsh, a professor of politics, has made election picks for years. He shared \
         his picks on his blog, forecasting a narrow win for the governor.",
    );
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
}

#[test]
fn a_second_speaker_s_clause_after_while_or_a_semicolon_is_theirs() {
    let a = attributions(
        "The euro will hit parity by June, Vey wrote, while Marsh expects it to hold.",
    );
    assert_eq!(speaker(&a[0]), Some("Vey"));
    assert_eq!(speaker(&a[1]), Some("Marsh"));
    let a = attributions(
        "Ana Vey thinks the ceasefire will hold; Ivo Marsh is less sure and sees a collapse \
         as likely.",
    );
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
}

#[test]
fn joint_subjects_with_both_or_a_firm() {
    for text in [
        "Ana Vey and Ivo Marsh both expect a cut in June.",
        "A cut in June is likely, Ana Vey and Ivo Marsh of Eastgate wrote.",
    ] {
        let a = &attributions(text)[0];
        assert_eq!(a.group.as_deref(), Some("Ana Vey and Ivo Marsh"), "{text}");
    }
}

#[test]
fn a_party_and_state_or_an_age_in_brackets_is_no_name() {
    let a = attributions("Sen. Ivo Marsh, R-Texas, said the bill would probably pass.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    let a = attributions("Ivo Marsh (54), a former army officer, said the war would last years.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
}

#[test]
fn the_fuller_description_picks_among_two_ministers() {
    let text = "Ana Vey, the foreign minister, met Ivo Marsh, the defence minister, on \
                Monday.\n\nThe foreign minister said a deal was likely within weeks.";
    assert_eq!(speaker(&attributions(text)[1]), Some("Ana Vey"));
    let text = "Ana Vey, the bank's governor, spoke after Ivo Marsh, the finance \
                minister.\n\nThe minister said inflation would peak in the spring.";
    assert_eq!(speaker(&attributions(text)[1]), Some("Ivo Marsh"));
}

#[test]
fn had_this_to_say_introduces_the_quotation() {
    let a = attributions("Ana Vey had this to say:\n\n“Parity looks likely by June.”");
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
}

#[test]
fn a_bet_and_a_possibility_left_open_are_views() {
    let a = attributions("Ivo Marsh is betting that the glut will last into spring.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    let a = attributions("Ivo Marsh didn't rule out a rise in prices next month.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    // A passive names who may win, not who said so.
    let a = attributions("But Northgate United aren't being ruled out entirely.");
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn a_transcript_s_speakers_in_capitals() {
    let text = "IVO MARSH, HOST: Ana Vey runs the desk at Northgate. Welcome.\n\nVEY: Thanks. I \
                think the glut will last into spring.\n\nMARSH: And after that?\n\nVEY: A \
                shortage is likely by summer.";
    let a = attributions(text);
    let speakers: Vec<Option<&str>> = a.iter().map(speaker).collect();
    assert_eq!(
        speakers,
        [
            Some("Ivo Marsh"),
            Some("Ivo Marsh"),
            Some("Ana Vey"),
            Some("Ana Vey"),
            Some("Ivo Marsh"),
            Some("Ana Vey")
        ]
    );
    assert_eq!(a[0].role.as_deref(), Some("host"));
}

#[test]
fn her_survey_is_hers() {
    let a = attributions(
        "Sarah Hill has run the polling unit for ten years.\n\nHer latest survey suggests the \
         governor will probably win a second term.",
    );
    assert_eq!(speaker(&a[1]), Some("Sarah Hill"));
    // A wire's poll gives its respondents' view, not the wire's.
    let a = attributions("The index may end the year higher, according to a wire poll.");
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn a_dateline_before_a_dash_is_no_subject() {
    let a = attributions(
        "EASTPORT, March 17 (Wire) -- The central bank is expected to end its hikes after one \
         more, economists said.",
    );
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn an_honorific_and_a_surname_with_an_appositive() {
    let a = attributions(
        "Ana Vey and Tom Reed expected the Coalition to win. “The leader has momentum,” Ms \
         Vey, a former chief of staff, told the radio. “He will probably get there from here.",
    );
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(a[1].role.as_deref(), Some("former chief of staff"));
    assert_eq!(speaker(&a[2]), Some("Ana Vey"));
}

#[test]
fn typewritten_quotations_close_with_two_apostrophes() {
    let a = attributions(
        "\"The ministers may cut output again when they meet on Saturday,'' said Ivo Marsh, an \
         analyst at Eastgate.",
    );
    assert!(a[0].quoted);
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
}

#[test]
fn a_name_after_the_quotation_s_comma_with_no_verb() {
    let a = attributions(
        "“I think the worst is probably over,” Ivo Marsh, managing director of Northgate.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role.as_deref(), Some("managing director of Northgate"));
}

#[test]
fn a_view_held_under_a_modal_and_a_passive_with_an_adverb() {
    let a = attributions("Northgate chief Ana Vey may be convinced that the network comes sooner.");
    assert_eq!(speaker(&a[0]), Some("Ana Vey"));
    // "are also expected" is a passive: no one named expects.
    let a = attributions("Night lows are also expected to run warm in the north.");
    assert_eq!(speaker(&a[0]), None);
}

#[test]
fn a_surname_s_second_verb_after_and() {
    let a = attributions(
        "Ivo McVey rode for the team in May.\n\nMcVey has already raced the leader this \
         season, and believes rivals will have to change their tactics.",
    );
    assert_eq!(speaker(&a[1]), Some("Ivo McVey"));
}

#[test]
fn and_inside_an_institution_s_name_is_no_joint_view() {
    let a = attributions(
        "\"Floods are like fires,\" Ivo Marsh, director of the Centre for River Research and \
         Policy explained on \"Morning Today\" today. \"We are due for another one soon.\"",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
}

#[test]
fn a_transcript_s_label_outweighs_the_verbs_of_its_answer() {
    let text = "HOST: With me is Senator Ivo Dunmore.\n\nDUNMORE: I think the bill will \
                probably pass. The House may add to it.";
    let a = attributions(text);
    assert_eq!(speaker(&a[1]), Some("Ivo Dunmore"));
    assert_eq!(speaker(&a[2]), Some("Ivo Dunmore"));
}

#[test]
fn a_surname_s_view_and_a_concession() {
    let a = attributions(
        "“They agreed on little,” said Edwin Harcourt of the Marlow Centre.\n\nIn Harcourt's \
         view, the two sides are likely to stall.",
    );
    assert_eq!(speaker(&a[1]), Some("Edwin Harcourt"));
    let a =
        attributions("Mart Oja, a backbencher, conceded that he was unlikely to finish second.");
    assert_eq!(speaker(&a[0]), Some("Mart Oja"));
}

#[test]
fn an_abbreviated_rank_before_an_inverted_name() {
    let a = attributions(
        "Rebels are likely to retake the bridge, according to Col. Aurel Benko, a spokesman \
         for the army.",
    );
    assert_eq!(speaker(&a[0]), Some("Aurel Benko"));
    let a = attributions(
        "“The truce will almost certainly be tested,” said Capt. Joel Verhoeven, a spokesman.",
    );
    assert_eq!(speaker(&a[0]), Some("Joel Verhoeven"));
}

#[test]
fn one_person_described_in_a_lede_is_named_later_unless_kept_anonymous() {
    let text = "A senior executive at one of the largest chipmakers predicted on Wednesday \
                that demand would outstrip supply.\n\nKarin Vossberg, head of the data-centre \
                unit at Helix, made the comments at an investor day.\n\n“We are sold out for \
                next year,” she said.";
    assert_eq!(speaker(&attributions(text)[0]), Some("Karin Vossberg"));
    let text = "A senior official predicted, on condition of anonymity, that talks would \
                fail.\n\n“Nobody is ready,” said Ana Vey, the foreign minister.";
    assert_eq!(speaker(&attributions(text)[0]), None);
    let text = "A senior official, who is close to the talks, predicted that they would \
                fail.\n\n“Nobody is ready,” said Ana Vey, the foreign minister.";
    assert_eq!(speaker(&attributions(text)[0]), None);
    // One of several kept unnamed.
    let text = "And a third official said the assault could start in weeks.\n\n“We are \
                ready,” said Ivo Marsh, the defence minister.";
    assert_eq!(speaker(&attributions(text)[0]), None);
}

#[test]
fn a_relative_clause_s_pronoun_and_a_claim_after_an_appositive() {
    let a = attributions(
        "Nadia Feretti spoke on Monday.\n\nMs Feretti recommends utilities, which she expects \
         to outperform in a slowdown.",
    );
    assert_eq!(speaker(&a[1]), Some("Nadia Feretti"));
    let a = attributions(
        "Ferris Moto, the scooter maker, is likely to turn a profit next year, said Yusuf \
         Demir, an analyst at Carrack.",
    );
    assert_eq!(speaker(&a[0]), Some("Yusuf Demir"));
}

#[test]
fn a_surname_opening_a_sentence_is_whom_he_means_and_a_gender_that_disagrees_is_no_one() {
    let a = attributions(
        "Foreign Minister Helga Brandvold met her counterpart, Ahmed Qasimi, on Tuesday. She \
         said an exchange was likely.\n\nQasimi was more cautious. He said a treaty was \
         unlikely before next year.",
    );
    assert_eq!(speaker(&a[1]), Some("Helga Brandvold"));
    assert_eq!(speaker(&a[3]), Some("Ahmed Qasimi"));
    // "He" after only a woman named: no one the article names.
    let a = attributions("Helga Brandvold spoke on Tuesday.\n\nHe said a treaty was unlikely.");
    assert_eq!(speaker(&a[1]), None);
}

#[test]
fn a_role_with_an_owner_or_capitals_before_the_name() {
    for text in [
        "Carvania's water minister, Hugo Benavente, was less optimistic. He said talks were \
         unlikely before November.",
        "The United Nations special envoy for Sumara, Hugo Benavente, arrived on Sunday. The \
         envoy said a deal could be signed soon.",
    ] {
        assert_eq!(
            speaker(&attributions(text)[1]),
            Some("Hugo Benavente"),
            "{text}"
        );
    }
}

#[test]
fn a_dateline_before_the_sentence_s_subject() {
    let a = attributions(
        "PORTESSA (Wire) - Opposition leader Ines Carvallo closed her campaign on Sunday. She \
         said:\n\n\"We will almost certainly win the capital.\"",
    );
    assert_eq!(speaker(&a[2]), Some("Ines Carvallo"));
}

#[test]
fn quoted_as_saying() {
    let a = attributions(
        "ANKOR (Wire) - The agency quoted Gen. Davood Ravandi, the commander, as saying that \
         the unrest was unlikely to spread.",
    );
    assert_eq!(speaker(&a[0]), Some("Davood Ravandi"));
    let a = attributions(
        "BRANOV (Wire) - President Oleg Vranic was quoted by the state agency on Thursday as \
         saying that the conflict could be frozen within a year.",
    );
    assert_eq!(speaker(&a[0]), Some("Oleg Vranic"));
}

#[test]
fn a_person_described_by_their_place_not_the_place() {
    let a = attributions(
        "Sarah Ettinger is betting that the office is not dead. The founder of workspace \
         operator DeskHaus said on Tuesday that occupancy was likely to reach 85%.",
    );
    assert_eq!(speaker(&a[1]), Some("Sarah Ettinger"));
    let a = attributions(
        "A senior figure at club Westbury said the club was likely to sell a star player.\n\n\
         Chairman Nigel Ashworth made the admission at the annual meeting, telling fans the \
         finances were tight.\n\n“We will probably sell one,” he said.",
    );
    assert_eq!(speaker(&a[0]), Some("Nigel Ashworth"));
    // After a name, the appositive is the name's.
    let a = attributions(
        "Jordan Vey, a senior strategist at Eastgate, said the pound was likely to fall.",
    );
    assert_eq!(speaker(&a[0]), Some("Jordan Vey"));
}

#[test]
fn a_contracted_pronoun_in_an_interview_s_answer() {
    let text = "Dr Nadia Kowalczyk leads the programme at the Brenmark Laboratory. We asked \
                her what comes next.\n\nQ: When will it work?\n\nA: I think a plant is \
                likely in the late 2030s.\n\nQ: Are you optimistic?\n\nA: Yes. I'd put the \
                chance of a working plant by 2040 at around 60%.";
    let a = attributions(text);
    assert_eq!(speaker(a.last().unwrap()), Some("Nadia Kowalczyk"));
}

#[test]
fn a_transcript_s_ranks_bracketed_roles_and_parts() {
    let text = "Briefing, Oct. 14\n\nBRIG. GEN. ASTRID NORDBY: Good morning. The units are \
                likely to remain in position.\n\nQUESTION: Could they cross?\n\nNORDBY: An \
                incursion is unlikely.\n\nOMARI (spokeswoman): The visit is likely to go \
                ahead.\n\nQUESTION: And the talks?\n\nOMARI: They could resume soon.";
    let a = attributions(text);
    let said = |words: &str| {
        let i = a
            .iter()
            .zip(crate::intake::text::units(
                &sentences(text),
                &quotations(text),
            ))
            .position(|(_, unit)| {
                let sentences = sentences(text);
                text[sentences[unit.start].range.start..sentences[unit.end - 1].range.end]
                    .contains(words)
            })
            .unwrap();
        speaker(&a[i]).map(str::to_string)
    };
    assert_eq!(said("remain in position").as_deref(), Some("Astrid Nordby"));
    assert_eq!(said("incursion").as_deref(), Some("Astrid Nordby"));
    assert_eq!(said("go ahead").as_deref(), Some("Omari"));
    assert_eq!(said("resume soon").as_deref(), Some("Omari"));
    // A part in the transcript is no name.
    assert_eq!(said("Could they cross"), None);
}

#[test]
fn said_the_official_and_a_titled_name() {
    let a = attributions(
        "“The mission has done its job,” said the official, Deputy Foreign Minister Raul \
         Ibarra, adding that his government would probably propose a smaller office.",
    );
    assert_eq!(speaker(&a[0]), Some("Raul Ibarra"));
}

#[test]
fn a_long_transcript_gives_every_turn_its_speaker() {
    // Each label is counted once for the whole text (not once per turn), so a transcript
    // of thousands of turns reads in time linear in its length.
    let mut text = String::from("ANA VEY, HOST: Welcome.\n\n");
    for turn in 0..4_000 {
        let label = if turn % 2 == 0 { "MARSH" } else { "VEY" };
        text.push_str(&format!(
            "{label}: Prices will probably rise by turn {turn}.\n\n"
        ));
    }
    let a = attributions(&text);
    assert_eq!(a.len(), 4_001);
    assert!(
        a[1..].iter().enumerate().all(|(turn, a)| {
            speaker(a) == Some(if turn % 2 == 0 { "Marsh" } else { "Ana Vey" })
        })
    );
}

#[test]
fn a_round_up_s_headings_in_capitals() {
    let text = "Here are two analysts' readings.\n\nINDEPENDENT ANALYST IVO MARSH\n\n\"The \
                challenger has a good chance in the run-off.\"\n\nANA VEY, EASTGATE \
                INSTITUTE\n\n\"The incumbent will probably hold on.\"";
    let a = attributions(text);
    let quoted: Vec<(Option<&str>, Option<&str>)> = a
        .iter()
        .filter(|a| a.quoted)
        .map(|a| (speaker(a), a.role.as_deref()))
        .collect();
    assert_eq!(
        quoted,
        [
            (Some("Ivo Marsh"), Some("independent analyst")),
            (Some("Ana Vey"), Some("Eastgate Institute"))
        ]
    );
}

#[test]
fn what_follows_according_to_a_name_is_the_claim_not_a_role() {
    // Opening the sentence, "according to X," is followed by what X says: a clause there
    // is no role, nor are words that run on to the sentence's end.
    let a = attributions(
        "According to Ivo Marsh, what happens at the ford was never agreed, and anything could happen there.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role, None);
    let a = attributions(
        "According to Ivo Marsh, a delegate of the league talked the miners into a truce in May.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role, None);
    let a = attributions("Easy calls, according to Ivo Marsh, are that the party keeps the House.");
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    assert_eq!(a[0].role, None);
    // An appositive closed by its comma is a role, before the claim or at the sentence's end.
    let a = attributions(
        "According to Ivo Marsh, an economist at Northgate, rates will probably fall.",
    );
    assert_eq!(a[0].role.as_deref(), Some("economist at Northgate"));
    let a = attributions(
        "Rates will probably fall, according to Ivo Marsh, an economist at Northgate.",
    );
    assert_eq!(a[0].role.as_deref(), Some("economist at Northgate"));
}

#[test]
fn a_sentence_that_introduces_a_list_gives_its_subject_s_role_not_its_verb() {
    let a = attributions(
        "Ivo Marsh, a pollster linked to the Civic League, offers a careful call:\n\n- The party might gain some seats.\n\n- Turnout will probably fall.",
    );
    assert_eq!(speaker(&a[1]), Some("Ivo Marsh"));
    assert_eq!(
        a[1].role.as_deref(),
        Some("pollster linked to the Civic League")
    );
    // A line that is only a name and a role keeps both parts of the role.
    let a =
        attributions("Ana Vey, chief economist, Northgate:\n\n- Rates will probably fall in June.");
    assert_eq!(speaker(&a[1]), Some("Ana Vey"));
    assert_eq!(a[1].role.as_deref(), Some("chief economist, Northgate"));
}

#[test]
fn a_relative_clause_after_the_name_gives_a_role_only_when_it_says_what_they_are() {
    let a = attributions(
        "Dry weeks lie ahead, said Dr. Ivo Marsh, who also is a professor of soil science at the state college.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"), "{a:#?}");
    assert_eq!(
        a[0].role.as_deref(),
        Some("professor of soil science at the state college")
    );
    let a = attributions(
        "“The vote will probably be close,” said Mr Ivo Marsh, who is expected to hold his seat.",
    );
    assert_eq!(speaker(&a[0]), Some("Ivo Marsh"));
    // (Nor is "Mr" a role.)
    assert_eq!(a[0].role, None);
}
