import { familyOfWeapon } from '../vocabulary/weapons.js';

/** Outlets name the same weapon differently ("Shahed", "kamikaze drone"); compare families (src/vocabulary/weapons.ts). */
export function weaponFamily(weapon: string): string {
  return familyOfWeapon(weapon);
}
