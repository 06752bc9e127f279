#pragma once
// clean_up_tokenization_spaces as llama.cpp applies it when detokenizing (Llama 3, GPT-2 and
// other vocabularies whose pre-tokenizer implies it): the space a word-level tokenizer would
// have put before punctuation and contractions is taken out again.
#include <string>

namespace gb {

// " ?" " !" " ." " ," lose the space; " ' " loses both; " 's" " 'm" " 're" " 've" lose the space.
std::string cleanUpTokenizationSpaces(const std::string& text);

}  // namespace gb
