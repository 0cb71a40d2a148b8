/** Outlets name the same weapon differently ("Shahed", "kamikaze drone"); compare families. */
export function weaponFamily(weapon: string): string {
  const name = weapon.toLowerCase();
  if (/drone|shahed|geran|uav|kamikaze|lancet/.test(name)) return 'drone';
  if (/missile|iskander|kinzhal|kalibr|s-300|s-400|kh-|tochka|atacms|storm shadow|neptune/.test(name)) return 'missile';
  if (/glide|bomb|air strike|airstrike|aircraft/.test(name)) return 'air';
  if (/artillery|shell|mlrs|grad|mortar|rocket|howitzer/.test(name)) return 'artillery';
  return name;
}
