#pragma once
// Ad-tech consent signals (RULES.md S4-S6), decoded strictly and without
// throwing: the IAB TCF TC string (tcf.hpp, R-SIG-1) and the IAB GPP string
// with every section the engine reads (gpp.hpp, R-SIG-2).
#include "privacy/gpp.hpp"
#include "privacy/signal_codes.hpp"
#include "privacy/tcf.hpp"
