// The tokenizer of the sentence analysis: lowercased words of any script, one token per other
// character, the same answers in every build because the Unicode data is compiled in.
#include "analysis/tokenizer.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "analysis/unicode.hpp"
#include "analysis/utf8.hpp"

namespace tt = boost::test_tools;

namespace {

using Tokens = std::vector<std::string>;

// Decodes every code point of text (which may be malformed UTF-8).
std::u32string decode_all(const std::string& text) {
  std::u32string code_points;
  for (std::size_t pos = 0; pos < text.size();) code_points.push_back(pe::decode_utf8(text, pos));
  return code_points;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(words_and_punctuation)

BOOST_AUTO_TEST_CASE(the_lecture_sentence_becomes_lowercased_words_and_punctuation) {
  const Tokens expected = {"the", "dog",   "chased", "the",   "ball", ".",
                           "it",  "could", "not",    "catch", "it",   "."};
  BOOST_TEST(pe::tokenize("The dog chased the ball. It could not catch it.") == expected,
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(each_punctuation_mark_is_a_token_of_its_own) {
  const Tokens expected = {"wait", ".", ".", ".", "what", "?", "!", "don", "'", "t"};
  BOOST_TEST(pe::tokenize("wait...what?! don't") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(digits_belong_to_words) {
  const Tokens expected = {"gpt2", "has", "1024", "positions", "٣٤٥"};
  BOOST_TEST(pe::tokenize("GPT2 has 1024 positions ٣٤٥") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(any_whitespace_only_separates_tokens) {
  // Tab, newline, no-break space, ideographic space, line separator.
  const Tokens expected = {"a", "b", "c", "d", "e"};
  BOOST_TEST(pe::tokenize("  a\tb\nc\u00A0d\u3000e\u2028 ") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(control_characters_separate_tokens_like_spaces) {
  const Tokens expected = {"a", "b", "c"};
  BOOST_TEST(pe::tokenize(std::string("a\x01"
                                      "b\0c",
                                      5)) == expected,
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(empty_or_blank_text_has_no_tokens) {
  BOOST_TEST(pe::tokenize("").empty());
  BOOST_TEST(pe::tokenize(" \t\n ").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scripts_and_case)

BOOST_AUTO_TEST_CASE(latin_letters_with_diacritics_are_lowercased) {
  const Tokens expected = {"école", "straße", "ångström", "çà"};
  BOOST_TEST(pe::tokenize("ÉCOLE Straße ÅNGSTRÖM ÇÀ") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(combining_accents_stay_inside_their_word) {
  // "café" written with e + U+0301 COMBINING ACUTE ACCENT.
  const Tokens expected = {"cafe\u0301", "ok"};
  BOOST_TEST(pe::tokenize("CAFE\u0301 ok") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(cyrillic_is_lowercased) {
  const Tokens expected = {"привет", ",", "мир", "ёж"};
  BOOST_TEST(pe::tokenize("ПРИВЕТ, Мир ЁЖ") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(greek_is_lowercased_with_a_word_final_sigma) {
  const Tokens expected = {"οδος", "σοφια", "σ", "ΐ"};
  BOOST_TEST(pe::tokenize("ΟΔΟΣ ΣΟΦΙΑ Σ ΐ") == expected, tt::per_element());
  BOOST_TEST(pe::tokenize("ΟΔΟΣ") == pe::tokenize("οδος"), tt::per_element());
}

BOOST_AUTO_TEST_CASE(the_turkish_dotted_capital_i_lowercases_to_one_letter) {
  const Tokens expected = {"istanbul"};
  BOOST_TEST(pe::tokenize("İSTANBUL") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(each_cjk_ideograph_is_a_token_and_kana_and_hangul_form_words) {
  const Tokens chinese = {"我", "爱", "你", "。"};
  BOOST_TEST(pe::tokenize("我爱你。") == chinese, tt::per_element());
  const Tokens japanese = {"東", "京", "タワー"};
  BOOST_TEST(pe::tokenize("東京タワー") == japanese, tt::per_element());
  const Tokens korean = {"안녕하세요", "세계"};
  BOOST_TEST(pe::tokenize("안녕하세요 세계") == korean, tt::per_element());
}

BOOST_AUTO_TEST_CASE(arabic_and_hebrew_words_keep_their_logical_order) {
  // Right-to-left scripts are stored first letter first; the tokenizer reads that order.
  const Tokens arabic = {"كيف", "حالك", "؟"};
  BOOST_TEST(pe::tokenize("كيف حالك؟") == arabic, tt::per_element());
  const Tokens vowelled = {"مُحَمَّد"};  // the vowel marks are combining marks
  BOOST_TEST(pe::tokenize("مُحَمَّد") == vowelled, tt::per_element());
  const Tokens hebrew = {"שלום", "עולם", "!"};
  BOOST_TEST(pe::tokenize("שלום עולם!") == hebrew, tt::per_element());
}

BOOST_AUTO_TEST_CASE(an_emoji_is_one_token_with_its_modifiers_joiners_and_flag_halves) {
  const Tokens expected = {
      "i",
      "\u2764\uFE0F",  // red heart + variation selector
      "\U0001F436",
      "\U0001F431",                                  // dog face, cat face
      "\U0001F44D\U0001F3FD",                        // thumbs up, medium skin tone
      "\U0001F468\u200D\U0001F469\u200D\U0001F467",  // family: man, woman, girl
      "\U0001F1E9\U0001F1EA",
      "\U0001F1EB\U0001F1F7",  // flags DE and FR
  };
  BOOST_TEST(pe::tokenize("I \u2764\uFE0F \U0001F436\U0001F431 \U0001F44D\U0001F3FD "
                          "\U0001F468\u200D\U0001F469\u200D\U0001F467 "
                          "\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7") == expected,
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(lowercasing_maps_each_code_point_through_the_compiled_in_table) {
  BOOST_TEST((pe::to_lower(U'A') == U'a'));
  BOOST_TEST((pe::to_lower(U'Ā') == U'ā'));  // a run with stride 2
  BOOST_TEST((pe::to_lower(U'ā') == U'ā'));
  BOOST_TEST((pe::to_lower(U'Ω') == U'ω'));
  BOOST_TEST((pe::to_lower(U'Я') == U'я'));
  BOOST_TEST((pe::to_lower(U'Ⅻ') == U'ⅻ'));                    // roman numeral twelve
  BOOST_TEST((pe::to_lower(U'\U00010400') == U'\U00010428'));  // Deseret, outside the BMP
  BOOST_TEST((pe::to_lower(U'\U0010FFFF') == U'\U0010FFFF'));
}

BOOST_AUTO_TEST_CASE(character_classes_come_from_the_compiled_in_table) {
  BOOST_TEST((pe::classify(U'z') == pe::CharClass::word));
  BOOST_TEST((pe::classify(U'٣') == pe::CharClass::word));
  BOOST_TEST((pe::classify(U'\u4E00') == pe::CharClass::ideograph));
  BOOST_TEST((pe::classify(U'\U00020000') == pe::CharClass::ideograph));
  BOOST_TEST((pe::classify(U'\u0301') == pe::CharClass::extend));
  BOOST_TEST((pe::classify(U'\u3000') == pe::CharClass::space));
  BOOST_TEST((pe::classify(U'\U0001F600') == pe::CharClass::other));
  BOOST_TEST((pe::classify(U'\U0001F1E6') == pe::CharClass::regional_indicator));
  BOOST_TEST((pe::classify(U'\U0010FFFF') == pe::CharClass::other));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(malformed_utf8)

BOOST_AUTO_TEST_CASE(a_stray_byte_becomes_one_replacement_character_token) {
  const Tokens expected = {"ab", "\uFFFD", "cd"};
  BOOST_TEST(pe::tokenize("ab\xFF"
                          "cd") == expected,
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_truncated_sequence_becomes_one_replacement_character) {
  // E2 82 starts a three-byte sequence (E2 82 AC is the euro sign) that ends too early.
  BOOST_TEST((decode_all("\xE2\x82") == U"\uFFFD"));
  BOOST_TEST((decode_all("\xE2\x82"
                         "a") == U"\uFFFDa"));
  const Tokens expected = {"abc", "\uFFFD"};
  BOOST_TEST(pe::tokenize("abc\xE2\x82") == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(overlong_forms_surrogates_and_values_above_u10ffff_are_replaced) {
  // One U+FFFD per maximal ill-formed subpart, as the WHATWG TextDecoder does.
  BOOST_TEST((decode_all("\xC0\xAF") == U"\uFFFD\uFFFD"));                      // overlong "/"
  BOOST_TEST((decode_all("\xE0\x80\xAF") == U"\uFFFD\uFFFD\uFFFD"));            // overlong "/"
  BOOST_TEST((decode_all("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD"));            // surrogate D800
  BOOST_TEST((decode_all("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD"));  // 110000
  BOOST_TEST((decode_all("\xF5"
                         "a") == U"\uFFFDa"));
}

BOOST_AUTO_TEST_CASE(well_formed_utf8_of_every_length_decodes_and_encodes_back) {
  const std::string text = "a\u00E9\u20AC\U0001F600\U0010FFFF";
  BOOST_TEST((decode_all(text) == U"a\u00E9\u20AC\U0001F600\U0010FFFF"));
  std::string encoded;
  for (const char32_t code_point : decode_all(text)) pe::append_utf8(code_point, encoded);
  BOOST_TEST(encoded == text);
}

BOOST_AUTO_TEST_SUITE_END()
