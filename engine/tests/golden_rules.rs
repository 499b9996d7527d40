//! The 48 English "Golden Rules" for sentence boundary detection, one test per rule, checked against `segment`.
//!
//! The texts and expectations are those of pySBD's `benchmarks/english_golden_rules.py`
//! (pySBD, MIT; from Kevin Dias's pragmatic_segmenter), the set pySBD, syntok and other
//! segmenters are compared on. Each test names its rule's number. Where a rule conflicts with
//! what news copy needs, the test asserts Crosscheck's behaviour and says why
//! (docs/tricky-cases.md, "Segmenting").

use crosscheck_engine::config::Limits;
use crosscheck_engine::segment::segment;

/// Segments `text` as one article and compares its sentences, in order, with `expect`.
fn check(text: &str, expect: &[&str]) {
    let segmented = segment(text, &Limits::default());
    let sentences: Vec<&str> = segmented
        .sentences
        .iter()
        .map(|sentence| &text[sentence.range.clone()])
        .collect();
    assert_eq!(sentences, expect, "segmenting {text:?}");
}

/// 1) Simple period to end sentence
#[test]
fn rule_01_simple_period_to_end_sentence() {
    check(
        "Hello World. My name is Jonas.",
        &["Hello World.", "My name is Jonas."],
    );
}

/// 2) Question mark to end sentence
#[test]
fn rule_02_question_mark_to_end_sentence() {
    check(
        "What is your name? My name is Jonas.",
        &["What is your name?", "My name is Jonas."],
    );
}

/// 3) Exclamation point to end sentence
#[test]
fn rule_03_exclamation_point_to_end_sentence() {
    check("There it is! I found it.", &["There it is!", "I found it."]);
}

/// 4) One letter upper case abbreviations
#[test]
fn rule_04_one_letter_upper_case_abbreviations() {
    check(
        "My name is Jonas E. Smith.",
        &["My name is Jonas E. Smith."],
    );
}

/// 5) One letter lower case abbreviations
#[test]
fn rule_05_one_letter_lower_case_abbreviations() {
    check("Please turn to p. 55.", &["Please turn to p. 55."]);
}

/// 6) Two letter lower case abbreviations in the middle of a sentence
#[test]
fn rule_06_two_letter_lower_case_abbreviations_in_the_middle_of_a_sentence() {
    check(
        "Were Jane and co. at the party?",
        &["Were Jane and co. at the party?"],
    );
}

/// 7) Two letter upper case abbreviations in the middle of a sentence
#[test]
fn rule_07_two_letter_upper_case_abbreviations_in_the_middle_of_a_sentence() {
    check(
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        &["They closed the deal with Pitt, Briggs & Co. at noon."],
    );
}

/// 8) Two letter lower case abbreviations at the end of a sentence
#[test]
fn rule_08_two_letter_lower_case_abbreviations_at_the_end_of_a_sentence() {
    check(
        "Let's ask Jane and co. They should know.",
        &["Let's ask Jane and co.", "They should know."],
    );
}

/// 9) Two letter upper case abbreviations at the end of a sentence
#[test]
fn rule_09_two_letter_upper_case_abbreviations_at_the_end_of_a_sentence() {
    check(
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        &[
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday.",
        ],
    );
}

/// 10) Two letter (prepositive) abbreviations
#[test]
fn rule_10_two_letter_prepositive_abbreviations() {
    check(
        "I can see Mt. Fuji from here.",
        &["I can see Mt. Fuji from here."],
    );
}

/// 11) Two letter (prepositive & postpositive) abbreviations
#[test]
fn rule_11_two_letter_prepositive_postpositive_abbreviations() {
    check(
        "St. Michael's Church is on 5th st. near the light.",
        &["St. Michael's Church is on 5th st. near the light."],
    );
}

/// 12) Possesive two letter abbreviations
#[test]
fn rule_12_possessive_two_letter_abbreviations() {
    check("That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]);
}

/// 13) Multi-period abbreviations in the middle of a sentence
#[test]
fn rule_13_multi_period_abbreviations_in_the_middle_of_a_sentence() {
    check(
        "I visited the U.S.A. last year.",
        &["I visited the U.S.A. last year."],
    );
}

/// 14) Multi-period abbreviations at the end of a sentence
#[test]
fn rule_14_multi_period_abbreviations_at_the_end_of_a_sentence() {
    check(
        "I live in the E.U. How about you?",
        &["I live in the E.U.", "How about you?"],
    );
}

/// 15) U.S. as sentence boundary
#[test]
fn rule_15_u_s_as_sentence_boundary() {
    check(
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    );
}

/// 16) U.S. as non sentence boundary with next word capitalized
#[test]
fn rule_16_u_s_as_non_sentence_boundary_with_next_word_capitalized() {
    check(
        "I work for the U.S. Government in Virginia.",
        &["I work for the U.S. Government in Virginia."],
    );
}

/// 17) U.S. as non sentence boundary
#[test]
fn rule_17_u_s_as_non_sentence_boundary() {
    check(
        "I have lived in the U.S. for 20 years.",
        &["I have lived in the U.S. for 20 years."],
    );
}

/// 18) A.M. / P.M. as non sentence boundary and sentence boundary
#[test]
fn rule_18_a_m_p_m_as_non_sentence_boundary_and_sentence_boundary() {
    check(
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        &[
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    );
}

/// 19) Number as non sentence boundary
#[test]
fn rule_19_number_as_non_sentence_boundary() {
    check(
        "She has $100.00 in her bag.",
        &["She has $100.00 in her bag."],
    );
}

/// 20) Number as sentence boundary
#[test]
fn rule_20_number_as_sentence_boundary() {
    check(
        "She has $100.00. It is in her bag.",
        &["She has $100.00.", "It is in her bag."],
    );
}

/// 21) Parenthetical inside sentence
#[test]
fn rule_21_parenthetical_inside_sentence() {
    check(
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        &[
            "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        ],
    );
}

/// 22) Email addresses
#[test]
fn rule_22_email_addresses() {
    check(
        "Her email is Jane.Doe@example.com. I sent her an email.",
        &["Her email is Jane.Doe@example.com.", "I sent her an email."],
    );
}

/// 23) Web addresses
#[test]
fn rule_23_web_addresses() {
    check(
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
        &[
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    );
}

/// 24) Single quotations inside sentence
#[test]
fn rule_24_single_quotations_inside_sentence() {
    check(
        "She turned to him, 'This is great.' she said.",
        &["She turned to him, 'This is great.' she said."],
    );
}

/// 25) Double quotations inside sentence
#[test]
fn rule_25_double_quotations_inside_sentence() {
    check(
        r#"She turned to him, "This is great." she said."#,
        &[r#"She turned to him, "This is great." she said."#],
    );
}

/// 26) Double quotations at the end of a sentence
#[test]
fn rule_26_double_quotations_at_the_end_of_a_sentence() {
    check(
        r#"She turned to him, "This is great." She held the book out to show him."#,
        &[
            r#"She turned to him, "This is great.""#,
            "She held the book out to show him.",
        ],
    );
}

/// 27) Double punctuation (exclamation point)
#[test]
fn rule_27_double_punctuation_exclamation_point() {
    check(
        "Hello!! Long time no see.",
        &["Hello!!", "Long time no see."],
    );
}

/// 28) Double punctuation (question mark)
#[test]
fn rule_28_double_punctuation_question_mark() {
    check("Hello?? Who is there?", &["Hello??", "Who is there?"]);
}

/// 29) Double punctuation (exclamation point / question mark)
#[test]
fn rule_29_double_punctuation_exclamation_point_question_mark() {
    check("Hello!? Is that you?", &["Hello!?", "Is that you?"]);
}

/// 30) Double punctuation (question mark / exclamation point)
#[test]
fn rule_30_double_punctuation_question_mark_exclamation_point() {
    check("Hello?! Is that you?", &["Hello?!", "Is that you?"]);
}

/// 31) List (period followed by parens and no period to end item)
#[test]
fn rule_31_list_period_followed_by_parens_and_no_period_to_end_item() {
    check(
        "1.) The first item 2.) The second item",
        &["1.) The first item", "2.) The second item"],
    );
}

/// 32) List (period followed by parens and period to end item)
#[test]
fn rule_32_list_period_followed_by_parens_and_period_to_end_item() {
    check(
        "1.) The first item. 2.) The second item.",
        &["1.) The first item.", "2.) The second item."],
    );
}

/// 33) List (parens and no period to end item)
#[test]
fn rule_33_list_parens_and_no_period_to_end_item() {
    check(
        "1) The first item 2) The second item",
        &["1) The first item", "2) The second item"],
    );
}

/// 34) List (parens and period to end item)
#[test]
fn rule_34_list_parens_and_period_to_end_item() {
    check(
        "1) The first item. 2) The second item.",
        &["1) The first item.", "2) The second item."],
    );
}

/// 35) List (period to mark list and no period to end item)
#[test]
fn rule_35_list_period_to_mark_list_and_no_period_to_end_item() {
    check(
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    );
}

/// 36) List (period to mark list and period to end item)
#[test]
fn rule_36_list_period_to_mark_list_and_period_to_end_item() {
    check(
        "1. The first item. 2. The second item.",
        &["1. The first item.", "2. The second item."],
    );
}

/// 37) List with bullet
#[test]
fn rule_37_list_with_bullet() {
    check(
        "• 9. The first item • 10. The second item",
        &["• 9. The first item", "• 10. The second item"],
    );
}

/// 38) List with hypthen
#[test]
fn rule_38_list_with_hyphen() {
    check(
        "⁃9. The first item ⁃10. The second item",
        &["⁃9. The first item", "⁃10. The second item"],
    );
}

/// 39) Alphabetical list
#[test]
fn rule_39_alphabetical_list() {
    check(
        "a. The first item b. The second item c. The third list item",
        &[
            "a. The first item",
            "b. The second item",
            "c. The third list item",
        ],
    );
}

/// 40) Geo Coordinates
#[test]
fn rule_40_geo_coordinates() {
    check(
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        &[
            "You can find it at N°. 1026.253.553.",
            "That is where the treasure is.",
        ],
    );
}

/// 41) Named entities with an exclamation point
#[test]
fn rule_41_named_entities_with_an_exclamation_point() {
    check(
        "She works at Yahoo! in the accounting department.",
        &["She works at Yahoo! in the accounting department."],
    );
}

/// 42) I as a sentence boundary and I as an abbreviation
#[test]
fn rule_42_i_as_a_sentence_boundary_and_i_as_an_abbreviation() {
    check(
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    );
}

/// 43) Ellipsis at end of quotation
#[test]
fn rule_43_ellipsis_at_end_of_quotation() {
    check(
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        &[
            "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        ],
    );
}

/// 44) Ellipsis with square brackets
#[test]
fn rule_44_ellipsis_with_square_brackets() {
    check(
        r#""Bohr [...] used the analogy of parallel stairways [...]" (Smith 55)."#,
        &[r#""Bohr [...] used the analogy of parallel stairways [...]" (Smith 55)."#],
    );
}

/// 45) Ellipsis as sentence boundary (standard ellipsis rules)
#[test]
fn rule_45_ellipsis_as_sentence_boundary_standard_ellipsis_rules() {
    check(
        "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
        &[
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    );
}

/// 46) Ellipsis as sentence boundary (non-standard ellipsis rules)
#[test]
fn rule_46_ellipsis_as_sentence_boundary_non_standard_ellipsis_rules() {
    check(
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    );
}

/// 47) Ellipsis as non sentence boundary
#[test]
fn rule_47_ellipsis_as_non_sentence_boundary() {
    check(
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        &[
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        ],
    );
}

/// 48) 4-dot ellipsis
#[test]
fn rule_48_4_dot_ellipsis() {
    check(
        "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
        &[
            "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    );
}
