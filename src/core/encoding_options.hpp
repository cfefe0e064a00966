#pragma once
// The options of the position encodings, declared once: base (sinusoidal and RoPE), layout
// (sinusoidal), pairing and scaling (RoPE) and slope (ALiBi). The schemes' controls on the page
// (pe.schemes), pe.encode and pe.analyze, RoPE's requests and the sinusoidal view's all take
// them from here; label and doc are what a control shows.
#include <vector>

#include "core/options.hpp"

namespace pe {

// ALiBi's bias is -slope * |i - j|: the paper's 8-head slopes run from 1/2 to 1/256; past 16 a
// neighbour one position away is already e^-16 times less likely than the token itself.
constexpr double kMaxAlibiSlope = 16;

std::vector<OptionChoice> layout_choices();
std::vector<OptionChoice> pairing_choices();

inline constexpr OptionSpec kBase{
    "base",
    10000.0,
    finite_above(1),
    "The frequencies are base^(-2k/d): a larger base makes the slowest pairs turn more slowly.",
    nullptr,
    "base"};

inline constexpr OptionSpec kLayout{
    "layout",         "interleaved",
    one_of_choices(), "The order of the sin and cos columns; the values are the same.",
    &layout_choices,  "layout"};

inline constexpr OptionSpec kPairing{
    "pairing",        "interleaved",
    one_of_choices(), "Which two components of a query or key turn together.",
    &pairing_choices, "pairing"};

inline constexpr OptionSpec kScaling{
    "scaling",
    nullptr,
    stated("null (none), or a scaling object of type \"llama3\" or \"yarn\""),
    "Llama 3's or YaRN's rescaled frequencies, for contexts longer than the model was trained on.",
    nullptr,
    "long-context scaling",
    "{ type: 'llama3', factor: 8 }"};

inline constexpr OptionSpec kSlope{
    "slope",
    0.5,
    above_at_most(0, kMaxAlibiSlope),
    "The bias is -slope × |i - j|: ALiBi's head 1 of 8 uses 1/2, head 8 uses 1/256.",
    nullptr,
    "slope"};

}  // namespace pe
