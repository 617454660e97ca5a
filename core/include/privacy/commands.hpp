#pragma once
// Every command the engine answers, in the order of the reference. The JSON
// facade, describeCommands, the authorization table and the generated
// package types all iterate this list; nothing else names a command.
//
// A command is its spec (a struct in commands/*.hpp: its name, summary,
// access row, what it changes and audits, its fields and its answer) and its
// apply(), the Household method that does it (core/src/household/*.cpp).
// Household::run() does what every command shares: the actor and the
// authorization table, the audit clock, and the invariants.
#include "privacy/commands/ads.hpp"
#include "privacy/commands/household.hpp"
#include "privacy/commands/profiles.hpp"
#include "privacy/commands/recordings.hpp"
#include "privacy/commands/state.hpp"

namespace privacy {

template <class... C>
struct CommandList {};

using AllCommands = CommandList<
    cmd::CreateHousehold, cmd::SetRetentionPolicy, cmd::SetPrivacyNotice, cmd::AddGuardian,
    cmd::AddDevice, cmd::RenameDevice, cmd::SetJurisdiction, cmd::SetJurisdictionPolicy, cmd::JurisdictionPolicyOf,
    cmd::Overview, cmd::PrivacyDisclosure,
    cmd::AddProfile, cmd::RenameProfile, cmd::RemoveProfile, cmd::EnableProfile, cmd::KeepProfile,
    cmd::ResolveAgeReview, cmd::SweepProfiles, cmd::ExportProfileData,
    cmd::RequestConsent, cmd::RecordConsent, cmd::CancelConsent, cmd::RevokeConsent,
    cmd::SetDisclosureConsent, cmd::StoreConsentEvent,
    cmd::AddRecording, cmd::AddRecordings, cmd::SetRetention, cmd::SetVoiceDeletion,
    cmd::EffectiveRetentionOf, cmd::PreviewRetention, cmd::ListRecordings, cmd::PreviewSweep,
    cmd::Sweep, cmd::PreviewDeletion, cmd::DeleteRecordings, cmd::ParseVoiceRequest,
    cmd::VoiceRequest, cmd::MayUse, cmd::Tombstones,
    cmd::AuditLog, cmd::VerifyAuditLog, cmd::ExportState, cmd::ImportState, cmd::PreviewImport,
    cmd::DecodeTcString, cmd::DecodeGpp, cmd::DecideAds, cmd::RecordGpc, cmd::RecordDeviceGpc,
    cmd::AuthorizationTable, cmd::DescribeCommands>;

}  // namespace privacy
