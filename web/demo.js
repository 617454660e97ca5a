// The demo household the page creates on a first run, through the engine's
// public API only. Deterministic for a given `now` (seeded generator), so a
// run can be reproduced; every timestamp derives from the `now` passed in.

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEMO = Object.freeze({
  household: { id: 'demo-household', name: 'The Rivera household' },
  guardians: [
    { id: 'guardian-alex', name: 'Alex Rivera', verified: true },
    { id: 'guardian-jordan', name: 'Jordan Rivera', verified: true },
  ],
  devices: [
    { id: 'kitchen-speaker', name: 'Kitchen speaker' },
    { id: 'maya-tablet', name: "Maya's tablet" },
    { id: 'living-room-display', name: 'Living room display' },
  ],
  profiles: [
    { id: 'maya', name: 'Maya', kind: 'child', birthDate: '2016-04-12', retention: '18_months' },
    { id: 'leo', name: 'Leo', kind: 'child', birthDate: '2019-09-03', retention: 'until_deleted' },
    { id: 'sam', name: 'Sam', kind: 'adult', retention: 'until_deleted' },
  ],
});

const POLICY_TEXT = {
  audio: {
    purpose: 'Recognise the request and let the family play it back.',
    businessNeed: 'Needed to answer the request and to fix recognition errors the family reports.',
  },
  transcript: {
    purpose: 'Show the family what the assistant heard.',
    businessNeed: 'Needed for the family to review and correct requests.',
  },
  derived: {
    purpose: 'Intents and annotations that make the assistant answer correctly.',
    businessNeed: 'Needed to keep answers accurate; never sold, never used for ads.',
  },
};

export function demoRetentionPolicy() {
  return {
    categories: ['audio', 'transcript', 'derived'].map((category) => ({
      category,
      childMaxMonths: 18,
      adultMaxMonths: null,
      ...POLICY_TEXT[category],
    })),
    justSaidWindowMinutes: 10,
  };
}

const TRANSCRIPTS = {
  maya: [
    'how far away is the moon',
    'play the dinosaur song',
    'what is seven times eight',
    'spell necessary',
    'set a timer for twenty minutes',
    'tell me a joke about penguins',
    'what is the capital of Australia',
    'how do you say thank you in Spanish',
    'play rain sounds',
    'what time is my piano lesson',
    'how many legs does a spider have',
    'add strawberries to the shopping list',
    'what is the weather tomorrow',
    'read me a story about dragons',
    'why is the sky blue',
    'turn the volume down',
    'what rhymes with orange',
    'how tall is a giraffe',
  ],
  leo: [
    'play the animal song',
    'what does a cow say',
    'tell me a story',
    'sing happy birthday',
    'how many days until my birthday',
    'play the bus song again',
    'what colour is a flamingo',
    'count to twenty',
    'is it raining',
    'what do sharks eat',
    'stop',
    'play the robot game',
  ],
  sam: [
    'what is the weather today',
    'set an alarm for six thirty',
    'add milk and eggs to the shopping list',
    'how long is the drive to the airport',
    'play the news',
    'remind me to call the dentist at nine',
    'convert three hundred grams to ounces',
    'turn off the living room lights',
    'what is on my calendar tomorrow',
    'play some jazz',
    'how many tablespoons in a cup',
    'set a timer for forty minutes',
    'what time does the pharmacy close',
    'call Jordan',
  ],
};

/** Which device each speaker mostly uses, with weights. */
const DEVICE_WEIGHTS = {
  maya: [['maya-tablet', 6], ['kitchen-speaker', 3], ['living-room-display', 2]],
  leo: [['living-room-display', 5], ['kitchen-speaker', 4], ['maya-tablet', 1]],
  sam: [['kitchen-speaker', 6], ['living-room-display', 4]],
};

const RECORDING_COUNTS = { maya: 130, leo: 95, sam: 115 };

/** mulberry32: a small seeded generator, enough for demo data. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(random, weighted) {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/**
 * The demo recordings: a few hundred over the two years before `now`, at
 * plausible hours, oldest first. Some have audio, most have derived items.
 */
export function demoRecordings(now, seed = 20230531) {
  const random = seededRandom(seed);
  const recordings = [];
  for (const [profileId, count] of Object.entries(RECORDING_COUNTS)) {
    for (let i = 0; i < count; i += 1) {
      const daysAgo = Math.floor(random() * 730);
      const minuteOfDay = 7 * 60 + Math.floor(random() * 13 * 60); // 07:00..20:00 UTC
      let capturedAt = now - daysAgo * DAY_MS;
      capturedAt = capturedAt - (capturedAt % DAY_MS) + minuteOfDay * 60_000 + Math.floor(random() * 60_000);
      if (capturedAt > now - 60_000) capturedAt = now - 60_000 - Math.floor(random() * 6 * 60 * 60_000);
      const phrases = TRANSCRIPTS[profileId];
      const recording = {
        profileId,
        deviceId: pickWeighted(random, DEVICE_WEIGHTS[profileId]),
        capturedAt,
        transcript: random() < 0.93 ? phrases[Math.floor(random() * phrases.length)] : null,
      };
      if (random() < 0.7) {
        recording.audioDurationMs = 900 + Math.floor(random() * 5200);
      }
      const derivedKinds = [];
      if (recording.transcript && random() < 0.8) derivedKinds.push('intent');
      if (random() < 0.15) derivedKinds.push('annotation');
      if (profileId === 'sam' && random() < 0.05) derivedKinds.push('training_copy');
      recording.derivedKinds = derivedKinds;
      recordings.push(recording);
    }
  }
  recordings.sort((a, b) => a.capturedAt - b.capturedAt);
  return recordings.map((r, index) => {
    const id = `rec-${String(index + 1).padStart(4, '0')}`;
    return {
      id,
      profileId: r.profileId,
      deviceId: r.deviceId,
      capturedAt: r.capturedAt,
      audio: r.audioDurationMs ? { ref: `audio/${id}.opus`, durationMs: r.audioDurationMs } : null,
      transcript: r.transcript,
      derived: r.derivedKinds.map((kind) => ({ id: `${id}-${kind}`, kind })),
    };
  });
}

/**
 * Builds the demo household into `engine` (which must be empty), every call
 * at the `now` given. Returns the overview.
 */
export function createDemoHousehold(engine, now) {
  const operator = 'operator';
  engine.createHousehold({
    actor: operator,
    now,
    id: DEMO.household.id,
    name: DEMO.household.name,
    retentionPolicy: demoRetentionPolicy(),
  });
  for (const guardian of DEMO.guardians) engine.addGuardian({ actor: operator, now, guardian });
  const parent = DEMO.guardians[0].id;
  for (const device of DEMO.devices) engine.addDevice({ actor: parent, now, device });
  for (const profile of DEMO.profiles) engine.addProfile({ actor: parent, now, profile });
  engine.addRecordings({ recordings: demoRecordings(now), now });
  return engine.overview();
}
