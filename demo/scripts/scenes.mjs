// The procedurally drawn sample images of the demo: flat-colour scenes whose objects sit at known
// pixel positions, so the sample tasks' reference annotations (demo/tasks/references) can be exact.
// Pure data: make-samples.mjs rasterises the `ops`; `objects` list what a labeller should find.

/** A seeded PRNG (mulberry32): the same scene on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rect = (x0, y0, x1, y1, color) => ({ shape: 'rect', x0, y0, x1, y1, color });
const poly = (points, color) => ({ shape: 'poly', points, color });
const circle = (cx, cy, r, color) => ({ shape: 'circle', cx, cy, r, color });
const line = (x0, y0, x1, y1, width, color) => ({ shape: 'line', x0, y0, x1, y1, width, color });

/** Axis-aligned bounds of one drawing op. */
function bounds(op) {
  switch (op.shape) {
    case 'rect':
      return [op.x0, op.y0, op.x1, op.y1];
    case 'circle':
      return [op.cx - op.r, op.cy - op.r, op.cx + op.r, op.cy + op.r];
    case 'line': {
      const h = op.width / 2;
      return [
        Math.min(op.x0, op.x1) - h,
        Math.min(op.y0, op.y1) - h,
        Math.max(op.x0, op.x1) + h,
        Math.max(op.y0, op.y1) + h,
      ];
    }
    case 'poly': {
      const xs = op.points.map((p) => p[0]);
      const ys = op.points.map((p) => p[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    }
  }
  throw new Error(`unknown shape ${op.shape}`);
}

/** The bounding box of some ops, clipped to the image, in the contract's `{ x, y, width, height }`. */
function bbox(ops, width, height) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const op of ops) {
    const b = bounds(op);
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  x0 = Math.max(0, Math.floor(x0));
  y0 = Math.max(0, Math.floor(y0));
  x1 = Math.min(width, Math.ceil(x1));
  y1 = Math.min(height, Math.ceil(y1));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const mix = (a, b, t) => {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return (
    '#' +
    pa
      .map((v, i) =>
        Math.round(v + (pb[i] - v) * t)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
};

/** A car seen from behind: `cx` its centre, `bottom` where the tyres touch the road, `w` its width. */
function carRear(cx, bottom, w, color) {
  const bodyBottom = bottom - 0.08 * w;
  const bodyTop = bodyBottom - 0.38 * w;
  const cabinTop = bodyTop - 0.26 * w;
  return [
    rect(cx - 0.45 * w, bottom - 0.14 * w, cx - 0.3 * w, bottom, '#1b1b1e'),
    rect(cx + 0.3 * w, bottom - 0.14 * w, cx + 0.45 * w, bottom, '#1b1b1e'),
    poly(
      [
        [cx - 0.33 * w, cabinTop],
        [cx + 0.33 * w, cabinTop],
        [cx + 0.42 * w, bodyTop],
        [cx - 0.42 * w, bodyTop],
      ],
      color,
    ),
    poly(
      [
        [cx - 0.29 * w, cabinTop + 0.04 * w],
        [cx + 0.29 * w, cabinTop + 0.04 * w],
        [cx + 0.36 * w, bodyTop - 0.02 * w],
        [cx - 0.36 * w, bodyTop - 0.02 * w],
      ],
      '#2b3a4a',
    ),
    rect(cx - 0.5 * w, bodyTop, cx + 0.5 * w, bodyBottom, color),
    rect(cx - 0.46 * w, bodyTop + 0.08 * w, cx - 0.32 * w, bodyTop + 0.16 * w, '#c1121f'),
    rect(cx + 0.32 * w, bodyTop + 0.08 * w, cx + 0.46 * w, bodyTop + 0.16 * w, '#c1121f'),
    rect(cx - 0.14 * w, bodyTop + 0.2 * w, cx + 0.14 * w, bodyTop + 0.29 * w, '#f1f1f1'),
  ];
}

/** Stick-figure joints, in the keypoint order the pose tasks use. */
export const POSE_NAMES = [
  'head',
  'neck',
  'right_shoulder',
  'right_elbow',
  'right_wrist',
  'left_shoulder',
  'left_elbow',
  'left_wrist',
  'right_hip',
  'right_knee',
  'right_ankle',
  'left_hip',
  'left_knee',
  'left_ankle',
];
/** Skeleton edges as index pairs into POSE_NAMES. */
export const POSE_EDGES = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [1, 5],
  [5, 6],
  [6, 7],
  [2, 8],
  [8, 9],
  [9, 10],
  [5, 11],
  [11, 12],
  [12, 13],
  [8, 11],
];

/** A person facing the viewer (their right is the image's left), drawn from its joints. */
function person(j, { head, limb, torso, skin, shirt, trousers }) {
  const p = (name) => j[name];
  const ops = [];
  const seg = (a, b, w, c) => ops.push(line(p(a)[0], p(a)[1], p(b)[0], p(b)[1], w, c));
  seg('right_hip', 'right_knee', limb * 1.2, trousers);
  seg('right_knee', 'right_ankle', limb * 1.1, trousers);
  seg('left_hip', 'left_knee', limb * 1.2, trousers);
  seg('left_knee', 'left_ankle', limb * 1.1, trousers);
  ops.push(
    poly(
      [
        p('right_shoulder'),
        p('left_shoulder'),
        [p('left_hip')[0] + torso * 0.1, p('left_hip')[1]],
        [p('right_hip')[0] - torso * 0.1, p('right_hip')[1]],
      ],
      shirt,
    ),
  );
  seg('right_shoulder', 'right_elbow', limb, shirt);
  seg('right_elbow', 'right_wrist', limb * 0.9, skin);
  seg('left_shoulder', 'left_elbow', limb, shirt);
  seg('left_elbow', 'left_wrist', limb * 0.9, skin);
  seg('neck', 'head', limb * 0.9, skin);
  ops.push(circle(p('head')[0], p('head')[1], head, skin));
  return ops;
}

const toJoints = (coords) => Object.fromEntries(POSE_NAMES.map((name, i) => [name, coords[i]]));

/** A street seen from the pavement: sky, buildings, a road in perspective, three cars, a pedestrian. */
export function street() {
  const width = 1600;
  const height = 1200;
  const horizon = 520;
  const ops = [];
  for (let i = 0; i < 26; i++) ops.push(rect(0, i * 20, width, i * 20 + 20, mix('#5d9bd5', '#d6eaf8', i / 25)));
  ops.push(circle(1380, 130, 56, '#ffd966'));
  for (const [x, y, r] of [
    [300, 130, 42],
    [352, 108, 52],
    [410, 132, 40],
    [880, 200, 34],
    [925, 184, 44],
    [972, 204, 32],
  ]) {
    ops.push(circle(x, y, r, '#fbfcfd'));
  }
  const buildings = [
    [0, 180, 300, '#8d99ae'],
    [180, 380, 230, '#a5a58d'],
    [380, 560, 330, '#b7b7a4'],
    [560, 700, 260, '#6d6875'],
    [700, 900, 400, '#9a8c98'],
    [900, 1080, 280, '#8d99ae'],
    [1080, 1260, 220, '#b5838d'],
    [1260, 1440, 310, '#a5a58d'],
    [1440, 1600, 250, '#6d6875'],
  ];
  for (const [x0, x1, top, color] of buildings) {
    ops.push(rect(x0, top, x1, horizon, color));
    for (let y = top + 24; y + 30 < horizon - 10; y += 52) {
      for (let x = x0 + 18; x + 20 < x1 - 10; x += 40)
        ops.push(rect(x, y, x + 20, y + 28, (x + y) % 3 ? '#f1e9c6' : '#3d405b'));
    }
  }
  ops.push(rect(0, horizon, width, height, '#a3a89c'));
  const road = [
    [740, horizon],
    [860, horizon],
    [1520, height],
    [80, height],
  ];
  ops.push(poly(road, '#4a4e54'));
  ops.push(line(740, horizon, 80, height, 8, '#dadada'), line(860, horizon, 1520, height, 8, '#dadada'));
  for (const [a, b] of [
    [540, 560],
    [590, 625],
    [670, 720],
    [780, 850],
    [930, 1030],
    [1110, 1200],
  ]) {
    const w = (y) => 2 + (14 * (y - horizon)) / (height - horizon);
    ops.push(
      poly(
        [
          [800 - w(a) / 2, a],
          [800 + w(a) / 2, a],
          [800 + w(b) / 2, b],
          [800 - w(b) / 2, b],
        ],
        '#f4f1de',
      ),
    );
  }

  const cars = [
    { id: 'car-red', cx: 420, bottom: 1120, w: 400, color: '#d62828' },
    { id: 'car-blue', cx: 1000, bottom: 860, w: 250, color: '#1d4e89' },
    { id: 'car-taxi', cx: 770, bottom: 612, w: 100, color: '#f2c14e' },
    { id: 'car-parked', cx: 1560, bottom: 1080, w: 300, color: '#2a9d8f', truncated: true },
  ];
  const objects = [];
  for (const car of cars) {
    const parts = carRear(car.cx, car.bottom, car.w, car.color);
    ops.push(...parts);
    objects.push({ id: car.id, label: 'car', bbox: bbox(parts, width, height), truncated: car.truncated === true });
  }
  const joints = toJoints([
    [150, 735],
    [150, 768],
    [125, 782],
    [112, 850],
    [105, 915],
    [175, 782],
    [190, 846],
    [200, 906],
    [135, 885],
    [128, 945],
    [122, 1000],
    [165, 885],
    [170, 945],
    [178, 1000],
  ]);
  const pedestrian = person(joints, {
    head: 28,
    limb: 14,
    torso: 50,
    skin: '#c68642',
    shirt: '#e76f51',
    trousers: '#264653',
  });
  ops.push(...pedestrian);
  objects.push({ id: 'pedestrian', label: 'person', bbox: bbox(pedestrian, width, height), joints });

  const regions = {
    road: road,
    sky: [
      [0, 0],
      [width, 0],
      [width, 250],
      [1440, 250],
      [1440, 310],
      [1260, 310],
      [1260, 220],
      [1080, 220],
      [1080, 280],
      [900, 280],
      [900, 400],
      [700, 400],
      [700, 260],
      [560, 260],
      [560, 330],
      [380, 330],
      [380, 230],
      [180, 230],
      [180, 300],
      [0, 300],
    ],
  };
  return { name: 'street', width, height, ops, objects, regions };
}

/** An exercise pose in a room: one large figure for keypoints. */
export function pose() {
  const width = 1600;
  const height = 1200;
  const ops = [
    rect(0, 0, width, 900, '#e8e1d5'),
    rect(0, 900, width, height, '#b08968'),
    rect(0, 890, width, 905, '#7f5539'),
    rect(1150, 150, 1450, 550, '#ffffff'),
    rect(1165, 165, 1435, 535, '#a9d6e5'),
    rect(1296, 165, 1304, 535, '#ffffff'),
    rect(150, 200, 450, 600, '#ffb703'),
    rect(180, 230, 420, 420, '#fb8500'),
    rect(180, 450, 420, 470, '#023047'),
    rect(180, 490, 360, 505, '#023047'),
    poly(
      [
        [500, 1000],
        [1100, 1000],
        [1180, 1120],
        [420, 1120],
      ],
      '#2a9d8f',
    ),
  ];
  const joints = toJoints([
    [800, 250],
    [800, 340],
    [710, 372],
    [600, 280],
    [500, 180],
    [890, 372],
    [1000, 280],
    [1100, 180],
    [750, 640],
    [680, 840],
    [630, 1050],
    [850, 640],
    [920, 840],
    [970, 1050],
  ]);
  const figure = person(joints, {
    head: 70,
    limb: 40,
    torso: 180,
    skin: '#e0ac69',
    shirt: '#3a86ff',
    trousers: '#1d3557',
  });
  ops.push(...figure);
  return {
    name: 'pose',
    width,
    height,
    ops,
    objects: [{ id: 'athlete', label: 'person', bbox: bbox(figure, width, height), joints }],
  };
}

/** A car park from above, 6000 × 4000: many small objects on a large image. */
export function parking() {
  const width = 6000;
  const height = 4000;
  const rnd = random(42);
  const ops = [
    rect(0, 0, width, height, '#565a60'),
    rect(0, 0, width, 320, '#6a994e'),
    rect(0, 3700, width, height, '#6a994e'),
  ];
  for (let x = 150; x < width; x += 420) {
    ops.push(circle(x, 160, 110 + Math.round(rnd() * 30), '#386641'));
    ops.push(circle(x + 210, 3850, 100 + Math.round(rnd() * 30), '#386641'));
  }
  const rows = [
    { top: 500, depth: 560 },
    { top: 1060, depth: 560 },
    { top: 2380, depth: 560 },
    { top: 2940, depth: 560 },
  ];
  const spot = 300;
  for (const row of rows) {
    ops.push(
      rect(300, row.top - 6, 5700, row.top + 6, '#f1f1f1'),
      rect(300, row.top + row.depth - 6, 5700, row.top + row.depth + 6, '#f1f1f1'),
    );
    for (let x = 300; x <= 5700; x += spot) ops.push(rect(x - 6, row.top, x + 6, row.top + row.depth, '#f1f1f1'));
  }
  // Lane arrows.
  for (let x = 800; x < 5600; x += 1200) {
    ops.push(
      rect(x, 1990, x + 260, 2010, '#f1f1f1'),
      poly(
        [
          [x + 260, 1960],
          [x + 320, 2000],
          [x + 260, 2040],
        ],
        '#f1f1f1',
      ),
    );
  }
  const colors = ['#d62828', '#1d4e89', '#f2c14e', '#e9ecef', '#212529', '#6c757d', '#2a9d8f', '#8338ec'];
  const objects = [];
  let n = 0;
  for (const [r, row] of rows.entries()) {
    for (let x = 300; x < 5700; x += spot) {
      if (rnd() < 0.52) continue;
      const van = rnd() < 0.15;
      const w = van ? 240 : 210 + Math.round(rnd() * 20);
      const h = van ? 520 : 420 + Math.round(rnd() * 50);
      const cx = x + spot / 2 + Math.round((rnd() - 0.5) * 30);
      const top = row.top + Math.round((row.depth - h) / 2 + (rnd() - 0.5) * 40);
      const color = van ? '#f8f9fa' : colors[Math.floor(rnd() * colors.length)];
      // Cars in rows 0 and 2 face down (windscreen low), rows 1 and 3 face up.
      const down = r % 2 === 0;
      const x0 = cx - w / 2;
      const x1 = cx + w / 2;
      const c = 24;
      const parts = [
        poly(
          [
            [x0 + c, top],
            [x1 - c, top],
            [x1, top + c],
            [x1, top + h - c],
            [x1 - c, top + h],
            [x0 + c, top + h],
            [x0, top + h - c],
            [x0, top + c],
          ],
          color,
        ),
      ];
      const glass = '#26323f';
      if (van) {
        const cab = down ? top + h - 150 : top + 40;
        parts.push(
          rect(x0 + 22, cab, x1 - 22, cab + 110, glass),
          rect(x0 + 30, down ? top + 30 : top + 170, x1 - 30, down ? top + h - 170 : top + h - 30, '#dee2e6'),
        );
      } else {
        const front = down ? top + h - 170 : top + 80;
        const rear = down ? top + 60 : top + h - 130;
        parts.push(rect(x0 + 24, front, x1 - 24, front + 90, glass), rect(x0 + 30, rear, x1 - 30, rear + 70, glass));
      }
      ops.push(...parts);
      n += 1;
      objects.push({
        id: `v${String(n).padStart(2, '0')}`,
        label: van ? 'van' : 'car',
        bbox: bbox(parts, width, height),
      });
    }
  }
  return { name: 'parking', width, height, ops, objects };
}

export const SCENES = { street, pose, parking };
