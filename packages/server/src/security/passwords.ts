/**
 * Staff passwords: Argon2id (`@node-rs/argon2`, its defaults). Sign-in's stand-in hash for unknown
 * accounts, creating an account and accepting an invitation all hash here, so they cannot drift apart.
 */
import { hash as argon2Hash } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => argon2Hash(password);

