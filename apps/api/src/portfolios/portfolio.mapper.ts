import type { AuthorityId, MemberId, Portfolio } from '@scrutineer/domain';
import { portfolioCode } from '@scrutineer/domain';
import type { PortfolioResponseDto } from './dto/portfolio.dto.js';
import { PortfolioEntity } from './portfolio.entity.js';

export const toDomain = (entity: PortfolioEntity): Portfolio => ({
  code: portfolioCode(entity.code),
  authorityId: entity.authorityId as AuthorityId,
  name: entity.name,
  cabinetMember:
    entity.cabinetMemberName === null
      ? null
      : { name: entity.cabinetMemberName, memberId: entity.cabinetMemberId as MemberId | null },
  directors: entity.directors,
});

export const toPersistence = (portfolio: Portfolio): PortfolioEntity =>
  Object.assign(new PortfolioEntity(), {
    code: portfolio.code,
    authorityId: portfolio.authorityId,
    name: portfolio.name,
    cabinetMemberName: portfolio.cabinetMember?.name ?? null,
    cabinetMemberId: portfolio.cabinetMember?.memberId ?? null,
    directors: [...portfolio.directors],
  });

export const toResponse = (entity: PortfolioEntity): PortfolioResponseDto => ({
  code: entity.code,
  authorityId: entity.authorityId,
  name: entity.name,
  cabinetMember:
    entity.cabinetMemberName === null
      ? null
      : { name: entity.cabinetMemberName, memberId: entity.cabinetMemberId },
  directors: entity.directors,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
