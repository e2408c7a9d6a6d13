/**
 * API types, generated from platform/openapi.yaml by openapi-typescript into the same file the
 * browser client uses (`npx openapi-typescript platform/openapi.yaml -o src/generated/api.d.ts`),
 * so the platform and the elements cannot drift apart.
 */
import type { components, operations } from '../../src/generated/api.js';

type Schemas = components['schemas'];

export type Operations = operations;
export type OperationId = keyof operations;

export type Structure = Schemas['Structure'];
export type StructureResume = Schemas['StructureResume'];
export type Marque = Schemas['Marque'];
export type Indicateur = Schemas['Indicateur'];
export type Niveau = Schemas['Niveau'];
export type Resultat = Schemas['Resultat'];
export type PointHistorique = Schemas['PointHistorique'];
export type Periode = Schemas['Periode'];
export type Pilier = Schemas['Pilier'];
export type Engagement = Schemas['Engagement'];
export type ListeEngagements = Schemas['ListeEngagements'];
export type Evenement = Schemas['Evenement'];
export type Erreur = Schemas['Erreur'];
export type Formulaire = Schemas['Formulaire'];
export type Bloc = Schemas['Bloc'];
export type Option = Schemas['Option'];
export type Intention = Schemas['Intention'];
export type AvisReponse = Schemas['AvisReponse'];
export type AvisCreation = Schemas['AvisCreation'];
export type AvisCree = Schemas['AvisCree'];
export type AvisModifie = Schemas['AvisModifie'];
export type AvisEnregistre = Schemas['AvisEnregistre'];
export type ReponseEnregistree = Schemas['ReponseEnregistree'];
export type Statistiques = Schemas['Statistiques'];
export type Probleme = Schemas['Probleme'];
export type ErreurChamp = Schemas['ErreurChamp'];
